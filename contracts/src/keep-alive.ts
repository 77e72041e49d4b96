// The socket's keep-alive exactly as the widget sends it, and the answer. The room registers the pair
// as its hibernation auto-response, so the runtime answers a ping with this exact text without waking
// the room; any other spelling of a ping reaches the room's code (and its frame limits) like any frame.
// Kept apart from socket.ts so the widget takes these two strings without the schemas.
export const PING_TEXT = '{"type":"ping"}';
export const PONG_TEXT = '{"type":"pong"}';
