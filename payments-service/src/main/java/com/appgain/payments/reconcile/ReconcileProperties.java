package com.appgain.payments.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@link ReconciliationJob} ({@code appgain.payments.reconcile.*}).
 *
 * @param cron when it runs ({@code -} turns it off); read by {@code @Scheduled}
 * @param stuckAfter how long a payment may stay unsettled without news from Stripe before
 * it is re-read; also the pause between two reads of the same payment
 * @param maxAge payments older than this are no longer re-read (abandoned checkouts)
 * @param batchSize most payments re-read per run
 * @param lockAtMostFor longest a run holds the cluster lock (if a replica dies)
 * @param lockAtLeastFor shortest a run holds it, so replicas whose clocks differ a little
 * do not each run
 */
@ConfigurationProperties("appgain.payments.reconcile")
public record ReconcileProperties(@DefaultValue("0 */5 * * * *") String cron, @DefaultValue("15m") Duration stuckAfter,
		@DefaultValue("7d") Duration maxAge, @DefaultValue("100") int batchSize,
		@DefaultValue("10m") Duration lockAtMostFor, @DefaultValue("30s") Duration lockAtLeastFor) {

}
