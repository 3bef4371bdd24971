import { Heading, Paragraph } from '@digdir/designsystemet-react';

/** A page that only says something and links on: nothing to show yet, not found, and the like. */
export function MessagePage({
  title,
  body,
  link,
}: {
  title: string;
  body?: string;
  link: { href: string; label: string };
}) {
  return (
    <section className="page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {body !== undefined && <Paragraph>{body}</Paragraph>}
      <Paragraph>
        <a href={link.href}>{link.label}</a>
      </Paragraph>
    </section>
  );
}
