package com.appgain.common.api.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the MongoDB driver waits ({@code appgain.mongo.*}); a stalled MongoDB costs a
 * request one read timeout, or one server selection timeout once the driver has noticed,
 * then the 503 envelope (the gateway does not retry a 503 answer).
 *
 * @param readTimeout the longest wait for an answer on an open connection
 * @param connectTimeout the longest wait to open a connection
 * @param serverSelectionTimeout the longest wait for a reachable server, and for a free
 * pooled connection
 * @param heartbeatFrequency how often the driver checks the server in the background
 * @param retryReads whether the driver retries a read that failed on the network once: it
 * doubles the wait while MongoDB is unreachable
 */
@ConfigurationProperties("appgain.mongo")
public record MongoTimeoutProperties(@DefaultValue("800ms") Duration readTimeout,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("1s") Duration serverSelectionTimeout,
		@DefaultValue("2s") Duration heartbeatFrequency, @DefaultValue("false") boolean retryReads) {

}
