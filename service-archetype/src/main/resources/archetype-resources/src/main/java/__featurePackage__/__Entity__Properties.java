package ${package}.${featurePackage};

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ${serviceName} service ({@code appgain.${serviceName}.*}).
 *
 * @param archive the archive job
 */
@ConfigurationProperties("appgain.${serviceName}")
public record ${Entity}Properties(@DefaultValue Archive archive) {

	/**
	 * {@link ${Entity}ArchiveJob}: documents {@code inactive} and unchanged for {@code inactiveFor}
	 * get status {@code archived}.
	 *
	 * @param cron when the job runs ({@code -} turns it off); read by {@code @Scheduled}
	 * @param inactiveFor how long a document stays inactive before it is archived
	 * @param batchSize documents archived per MongoDB round trip
	 * @param lockAtMostFor longest a run holds the cluster lock (if a replica dies)
	 * @param lockAtLeastFor shortest a run holds it, so replicas whose clocks differ a
	 * little do not each run
	 */
	public record Archive(@DefaultValue("0 0 * * * *") String cron, @DefaultValue("30d") Duration inactiveFor,
			@DefaultValue("500") int batchSize, @DefaultValue("10m") Duration lockAtMostFor,
			@DefaultValue("30s") Duration lockAtLeastFor) {

	}

}
