package com.appgain.gateway.ratelimit;

import org.springframework.data.redis.core.script.DigestUtils;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A Redis script read once, at start-up. Spring Data's {@code DefaultRedisScript} takes a
 * lock and asks the script file for its modification time on every call, on the event
 * loop of the request.
 */
final class PreloadedRedisScript<T> implements RedisScript<T> {

	private final String script;

	private final String sha1;

	private final Class<T> resultType;

	private PreloadedRedisScript(String script, Class<T> resultType) {
		this.script = script;
		this.sha1 = DigestUtils.sha1DigestAsHex(script);
		this.resultType = resultType;
	}

	static <T> PreloadedRedisScript<T> of(RedisScript<T> script) {
		return new PreloadedRedisScript<>(script.getScriptAsString(), script.getResultType());
	}

	@Override
	public String getSha1() {
		return this.sha1;
	}

	@Override
	public Class<T> getResultType() {
		return this.resultType;
	}

	@Override
	public String getScriptAsString() {
		return this.script;
	}

}
