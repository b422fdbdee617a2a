package com.appgain.payments.webhook;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.appgain.common.api.lifecycle.StartUpTasks;
import com.appgain.common.api.store.MongoIndexes;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Expires received events after 30 days (Stripe redelivers for 3 at most). Uniqueness
 * needs no index: the event id is the document id.
 */
@Component
class WebhookEventIndexes {

	static final Duration KEEP = Duration.ofDays(30);

	private static final Logger logger = LoggerFactory.getLogger(WebhookEventIndexes.class);

	private final ReactiveMongoTemplate mongo;

	private final StartUpTasks startUpTasks;

	WebhookEventIndexes(ReactiveMongoTemplate mongo, StartUpTasks startUpTasks) {
		this.mongo = mongo;
		this.startUpTasks = startUpTasks;
	}

	@EventListener(ApplicationStartedEvent.class)
	void createAtStartUp() {
		Index expiry = new Index().on(WebhookEvent.RECEIVED_AT, Direction.ASC).expire(KEEP).named("received_at_ttl");
		this.startUpTasks.run("create the indexes of webhook_events",
				MongoIndexes.create(this.mongo, WebhookEvent.class, List.of(expiry)), logger);
	}

}
