/** Reads a user-chosen file as bytes. Decoding and checks happen in the domain's import chain. */
export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
