package com.appgain.common.api.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
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
 * sits right after {@link BareErrorEnvelope}, which counts the unanswered requests and
 * gives its answer the envelope.
 */
@Sharable
final class MalformedBodyGuard extends ChannelInboundHandlerAdapter {

	static final String NAME = "appgain.malformedBodyGuard";

	private static final Log logger = LogFactory.getLog(MalformedBodyGuard.class);

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest || !(msg instanceof HttpContent content)
				|| content.decoderResult().isSuccess()) {
			ctx.fireChannelRead(msg);
			return;
		}
		logger.warn("Malformed request body on " + ctx.channel() + ": " + content.decoderResult().cause());
		ReferenceCountUtil.release(msg);
		if (ctx.pipeline().get(BareErrorEnvelope.class).unanswered() == 1
				&& ChannelOperations.get(ctx.channel()) instanceof HttpServerResponse response
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

}
