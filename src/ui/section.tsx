import type { ReactNode } from 'react';
import { Heading, Paragraph, type HeadingProps } from '@digdir/designsystemet-react';

/**
 * A section named by its heading (`aria-labelledby` the heading's `id`). When `empty` is given,
 * it stands in a paragraph instead of the children: the text for a list with nothing in it.
 */
export function Section({
  id,
  title,
  level = 2,
  size = 'md',
  className,
  empty,
  children,
}: {
  id: string;
  title: ReactNode;
  level?: HeadingProps['level'];
  size?: HeadingProps['data-size'];
  className?: string;
  empty?: string | false;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <Heading level={level} data-size={size} id={id}>
        {title}
      </Heading>
      {empty ? <Paragraph>{empty}</Paragraph> : children}
    </section>
  );
}
