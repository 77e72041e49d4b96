// A JSON object written as a stream: small sections are serialised whole, long ones (an async
// iterable) item by item as they are read, so an answer of any size holds no more than its iterables do.

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

async function* jsonText(sections: Record<string, unknown>): AsyncGenerator<string> {
  yield "{";
  for (const [index, [key, value]] of Object.entries(sections).entries()) {
    yield `${index ? "," : ""}${JSON.stringify(key)}:`;
    if (!isAsyncIterable(value)) {
      yield JSON.stringify(value ?? null);
      continue;
    }
    yield "[";
    let count = 0;
    for await (const item of value) yield `${count++ ? "," : ""}${JSON.stringify(item)}`;
    yield "]";
  }
  yield "}";
}

/**
 * The UTF-8 bytes of the object whose keys are those of `sections`, in their order; a value that is an
 * async iterable is written as the array of its items. Produced as the reader pulls them.
 */
export function jsonObjectStream(sections: Record<string, unknown>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const text = jsonText(sections);
  return new ReadableStream({
    async pull(controller) {
      const next = await text.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await text.return(undefined);
    },
  });
}
