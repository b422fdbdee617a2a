package com.appgain.users.token;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.appgain.common.api.lifecycle.StartUpTasks;
import com.appgain.common.api.store.MongoIndexes;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of refresh tokens and revoked sessions once the service is up, in
 * the background: a token is found by its hash, a family or a user's tokens are revoked
 * together, and both collections drop what has expired. Tried again until MongoDB
 * answers.
 */
@Component
class RefreshTokenIndexes {

	static final List<Index> REFRESH_TOKENS = List.of(new Index().on("hash", Sort.Direction.ASC).unique(),
			new Index().on("expires_at", Sort.Direction.ASC).expire(Duration.ZERO),
			new Index().on("family_id", Sort.Direction.ASC), new Index().on("user_id", Sort.Direction.ASC));

	static final List<Index> REVOKED_SESSIONS = List
		.of(new Index().on("expires_at", Sort.Direction.ASC).expire(Duration.ZERO));

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokenIndexes.class);

	private final ReactiveMongoTemplate mongo;

	private final StartUpTasks startUpTasks;

	RefreshTokenIndexes(ReactiveMongoTemplate mongo, StartUpTasks startUpTasks) {
		this.mongo = mongo;
		this.startUpTasks = startUpTasks;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createOnceReady() {
		this.startUpTasks.run("create the indexes of refresh tokens",
				MongoIndexes.create(this.mongo, RefreshToken.class, REFRESH_TOKENS)
					.then(MongoIndexes.create(this.mongo, RevokedSession.class, REVOKED_SESSIONS)),
				logger);
	}

}
