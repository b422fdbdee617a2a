package com.appgain.common.api.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;

import com.appgain.common.api.error.ErrorResponseWriter;
import com.appgain.common.api.error.ErrorType;

/**
 * Gives the envelope to the answers Reactor Netty writes by itself when it cannot decode
 * a request (request line over the limit: 414, headers over the limit: 431, anything
 * malformed: 400). Those never reach WebFlux: Reactor Netty writes an empty
 * {@link FullHttpResponse} with {@code Connection: close} straight to the channel. This
 * handler sits right after the HTTP codec, notes a failed decoding on the way in, and
 * fills in the body of that one response on the way out. One instance per connection.
 */
final class DecodingFailureEnvelope extends ChannelDuplexHandler {

	static final String NAME = "appgain.decodingFailureEnvelope";

	private final ErrorResponseWriter writer;

	private boolean decodingFailed;

	DecodingFailureEnvelope(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof DecoderResultProvider provider && provider.decoderResult().isFailure()) {
			this.decodingFailed = true;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (this.decodingFailed && msg instanceof FullHttpResponse response && !response.content().isReadable()
				&& response.status().code() >= 400) {
			ctx.write(withEnvelope(response), promise);
			return;
		}
		ctx.write(msg, promise);
	}

	private FullHttpResponse withEnvelope(FullHttpResponse response) {
		String requestId = RequestIdFilter.newId();
		byte[] body = this.writer.envelope(ErrorType.of(response.status().code()), requestId);
		FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
		response.release();
		filled.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(RequestIdFilter.HEADER, requestId);
		return filled;
	}

}
