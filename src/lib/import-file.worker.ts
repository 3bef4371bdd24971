import { readResultsFile } from './read-results-file';
import { replyFor, type FileCheckRequest, type FileCheckReply } from './import-messages';

/**
 * A Web Worker of the import (import-workers.ts): reads each file it is given and runs the
 * import chain on it, off the page's main thread, and posts the result back.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FileCheckRequest>) => void) | null;
  postMessage: (message: FileCheckReply) => void;
};

scope.onmessage = (event) => {
  const { id, file, options } = event.data;
  void readResultsFile(file, options).then((result) => scope.postMessage(replyFor(id, result)));
};
