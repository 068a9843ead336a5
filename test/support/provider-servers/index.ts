// Local wire-protocol servers for the model providers, for tests and benchmarks: re-exports only.
export { ChatServer, countWords, echoLastUserMessage } from './chat-server.ts';
export type {
  ChatCall,
  ChatServerOptions,
  Failure,
  ParsedCall,
  RecordedRequest,
  Reply,
  ReplySpec,
  Responder,
  ShapedReply,
  StatusFailure,
  WireProtocol,
} from './wire-protocol.ts';
export { AnthropicServer, anthropicProtocol } from './anthropic-server.ts';
export { OpenAiServer, openAiProtocol } from './openai-server.ts';
