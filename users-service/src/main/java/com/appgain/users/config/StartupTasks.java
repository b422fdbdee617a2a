package com.appgain.users.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.appgain.users.token.RefreshTokens;
import com.appgain.users.user.AdminBootstrap;
import com.appgain.users.user.UserStore;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is up: the collections' indexes, then the configured administrator.
 * Runs in the background; a failure is logged and the next insert tries the indexes
 * again.
 */
@Component
class StartupTasks {

	private static final Logger logger = LoggerFactory.getLogger(StartupTasks.class);

	private final UserStore users;

	private final RefreshTokens refreshTokens;

	private final AdminBootstrap adminBootstrap;

	StartupTasks(UserStore users, RefreshTokens refreshTokens, AdminBootstrap adminBootstrap) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.adminBootstrap = adminBootstrap;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		this.users.ensureIndexes()
			.then(this.refreshTokens.createIndexes())
			.then(this.adminBootstrap.ensureAdmin())
			.subscribe(null, (ex) -> logger.error("Start-up tasks failed: " + ex.getMessage(), ex));
	}

}
