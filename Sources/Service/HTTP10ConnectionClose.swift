import NIOCore
import NIOHTTP1

/// Closes the connection after the response when an HTTP/1.0 client did not ask for keep-alive.
///
/// Hummingbird reads requests as version-less HTTP types and keeps a connection open unless the request says
/// `Connection: close`, so an HTTP/1.0 client waiting for the server to close would wait for ever. Added where
/// Hummingbird allows extra handlers (after the conversion), this handler puts ``KeepAliveHeader`` before the
/// conversion, where the HTTP version is still known.
final class HTTP10ConnectionClose: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        guard let decoder = try? pipeline.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self) else { return }
        try? pipeline.addHandler(KeepAliveHeader(), position: .after(decoder.handler))
    }
}

/// Marks every request head that does not keep the connection alive (HTTP/1.0 without `Connection: keep-alive`)
/// with `Connection: close`.
final class KeepAliveHeader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var part = unwrapInboundIn(data)
        if case var .head(head) = part, !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            part = .head(head)
        }
        context.fireChannelRead(wrapInboundOut(part))
    }
}
