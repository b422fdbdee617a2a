package com.appgain.common.api.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Answers 400 and closes the connection when a request's body framing breaks after the
 * request has started (a bad chunk size, say), without letting its body end. Reactor
 * Netty answers such a request 400 too, but it also ends the body there as if it were
 * complete, so a handler reading it acts on the chunks before the broken one: a truncated
 * body, taken for the whole and stored although the client was told 400. Here the broken
 * part never goes further; the body ends only with the connection, as an aborted read
 * that nothing acts on. When an earlier request on the connection is still unanswered
 * (pipelining), a 400 would be taken for its answer, so the connection is only closed. It
 * sits right after the HTTP codec, so its answer goes out through
 * {@link BareErrorEnvelope}. One instance per connection.
 */
final class MalformedBodyGuard extends ChannelDuplexHandler {

	static final String NAME = "appgain.malformedBodyGuard";

	private static final Log logger = LogFactory.getLog(MalformedBodyGuard.class);

	// requests read on this connection and not answered yet; HTTP/1.1 answers in order
	private int unanswered;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest) {
			this.unanswered++;
			ctx.fireChannelRead(msg);
			return;
		}
		if (!(msg instanceof HttpContent content) || content.decoderResult().isSuccess()) {
			ctx.fireChannelRead(msg);
			return;
		}
		logger.warn("Malformed request body on " + ctx.channel() + ": " + content.decoderResult().cause());
		ReferenceCountUtil.release(msg);
		if (this.unanswered == 1 && ChannelOperations.get(ctx.channel()) instanceof HttpServerResponse response
				&& !response.hasSentHeaders()) {
			FullHttpResponse badRequest = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
					HttpResponseStatus.BAD_REQUEST, Unpooled.EMPTY_BUFFER);
			badRequest.headers()
				.setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
				.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			ctx.writeAndFlush(badRequest).addListener(ChannelFutureListener.CLOSE);
		}
		else {
			ctx.close();
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof HttpResponse response && response.status().code() >= 200) {
			this.unanswered--;
		}
		ctx.write(msg, promise);
	}

}
