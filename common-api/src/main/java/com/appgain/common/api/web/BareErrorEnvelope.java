package com.appgain.common.api.web;

import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;

import com.appgain.common.api.error.ErrorResponseWriter;

/**
 * Gives the envelope to the error answers written below WebFlux, which are otherwise
 * empty: Reactor Netty's own when it cannot decode a request (request line over the
 * limit: 414, headers over the limit: 431, anything malformed: 400) and Spring's
 * adapter's 400 for a URI it cannot parse. It sits right after the HTTP codec and fills
 * in any complete error response that has neither a body nor a content type, unless it
 * answers a HEAD. One instance per connection.
 */
final class BareErrorEnvelope extends ChannelDuplexHandler {

	static final String NAME = "appgain.bareErrorEnvelope";

	private final ErrorResponseWriter writer;

	// HTTP/1.1 answers requests in order: the head of the queue is the one being answered
	private final Queue<HttpMethod> methods = new ArrayDeque<>();

	BareErrorEnvelope(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	/** Requests read on this connection and not answered yet. */
	int unanswered() {
		return this.methods.size();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			this.methods.add(request.method());
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof HttpResponse response && response.status().code() >= 200) {
			HttpMethod method = this.methods.poll();
			if (msg instanceof FullHttpResponse full && isBare(full) && !HttpMethod.HEAD.equals(method)) {
				ctx.write(withEnvelope(full), promise);
				return;
			}
		}
		ctx.write(msg, promise);
	}

	private static boolean isBare(FullHttpResponse response) {
		return response.status().code() >= 400 && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
	}

	private FullHttpResponse withEnvelope(FullHttpResponse response) {
		String requestId = RequestIdFilter.newId();
		byte[] body = this.writer.envelope(response.status().code(), requestId);
		FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
		response.release();
		filled.headers()
			.remove(HttpHeaderNames.TRANSFER_ENCODING)
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(RequestIdFilter.HEADER, requestId);
		return filled;
	}

}
