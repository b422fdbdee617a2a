package com.appgain.examples.example;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the examples feature ({@code appgain.examples.*}).
 *
 * @param cacheEnabled whether {@code GET /api/examples/{id}} answers are cached in Redis
 * @param cacheTtl how long {@code GET /api/examples/{id}} answers stay in Redis
 * @param cacheTimeout longest wait for Redis before the cache is bypassed
 * @param archive the archive job
 */
@ConfigurationProperties("appgain.examples")
public record ExampleProperties(@DefaultValue("true") boolean cacheEnabled, @DefaultValue("5m") Duration cacheTtl,
		@DefaultValue("200ms") Duration cacheTimeout, @DefaultValue Archive archive) {

	/**
	 * {@link ExampleArchiveJob}: examples {@code inactive} and unchanged for
	 * {@code inactiveFor} get status {@code archived}.
	 *
	 * @param cron when the job runs ({@code -} turns it off); read by {@code @Scheduled}
	 * @param inactiveFor how long an example stays inactive before it is archived
	 * @param batchSize examples archived per MongoDB round trip
	 * @param lockAtMostFor longest a run holds the cluster lock (if a replica dies)
	 * @param lockAtLeastFor shortest a run holds it, so replicas whose clocks differ a
	 * little do not each run
	 */
	public record Archive(@DefaultValue("0 0 * * * *") String cron, @DefaultValue("30d") Duration inactiveFor,
			@DefaultValue("500") int batchSize, @DefaultValue("10m") Duration lockAtMostFor,
			@DefaultValue("30s") Duration lockAtLeastFor) {

	}

}
