package com.appgain.common.api.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@link ScanLimit}'s settings ({@code appgain.mongo.scans.*}).
 *
 * @param concurrency scans of one instance in MongoDB at once
 * @param maxWaiting scans that may wait for their turn; one more is answered 503 at once
 * @param timeout longest a scan may take, its wait for a turn included, before it is
 * answered 503; with MongoDB's own timeouts below it, the bound on a search's answer
 */
@ConfigurationProperties("appgain.mongo.scans")
public record ScanLimitProperties(@DefaultValue("4") int concurrency, @DefaultValue("256") int maxWaiting,
		@DefaultValue("1500ms") Duration timeout) {

}
