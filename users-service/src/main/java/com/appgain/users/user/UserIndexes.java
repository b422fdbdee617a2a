package com.appgain.users.user;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.appgain.common.api.lifecycle.StartUpTasks;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of {@code users} once the service is up, in the background. The
 * unique email index is what refuses a second account with one email; inserts wait for it
 * ({@link UserStore}), and this is tried again until MongoDB answers.
 */
@Component
class UserIndexes {

	static final List<Index> INDEXES = List.of(new Index().on("email", Sort.Direction.ASC).unique(),
			new Index().on("created_at", Sort.Direction.DESC));

	private static final Logger logger = LoggerFactory.getLogger(UserIndexes.class);

	private final UserStore users;

	private final StartUpTasks startUpTasks;

	UserIndexes(UserStore users, StartUpTasks startUpTasks) {
		this.users = users;
		this.startUpTasks = startUpTasks;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createOnceReady() {
		this.startUpTasks.run("create the indexes of users", this.users.ensureIndexes(), logger);
	}

}
