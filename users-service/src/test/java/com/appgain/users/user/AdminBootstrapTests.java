package com.appgain.users.user;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import com.appgain.common.api.lifecycle.StartUpTasks;
import com.appgain.common.api.security.Role;
import com.appgain.users.IntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AdminBootstrapTests extends IntegrationTests {

	@Autowired
	private UserStore store;

	@Autowired
	private PasswordHasher hasher;

	@Autowired
	private AdminBootstrap configured;

	@Test
	void theConfiguredAdministratorCanLogInAndAdminister() {
		this.client.get()
			.uri("/api/users")
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void ensuringTheAdministratorAgainChangesNothing() {
		User first = this.configured.ensureAdmin().block();
		User second = this.configured.ensureAdmin().block();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.passwordHash()).isEqualTo(first.passwordHash());
		assertThat(second.role()).isEqualTo("admin");
	}

	@Test
	void anAbsentAdministratorIsCreatedOnceEvenWhenReplicasStartTogether() {
		AdminBootstrap bootstrap = bootstrap(uniqueEmail(), "first-admin-password");
		List<User> admins = Flux.range(0, 3)
			.flatMap((i) -> bootstrap.ensureAdmin().log("boot" + i))
			.collectList()
			.block(java.time.Duration.ofSeconds(30));
		assertThat(admins).extracting(User::id).containsOnly(admins.get(0).id());
		assertThat(admins.get(0).role()).isEqualTo("admin");
	}

	@Test
	void anAccountSomebodyRegisteredWithTheAdminEmailIsNotPromoted() {
		String email = uniqueEmail();
		register(email);
		StepVerifier.create(bootstrap(email, "a-password-never-used").ensureAdmin()).verifyComplete();
		assertThat(this.store.findByEmail(email).block().toRole()).isEqualTo(Role.USER);
		assertThat(this.store.findByEmail(email).block().isBootstrapAdmin()).isFalse();
		expectError(this.client.get()
			.uri("/api/users")
			.headers((headers) -> headers.setBearerAuth(accessToken(login(email, PASSWORD))))
			.exchange(), HttpStatus.FORBIDDEN, "forbidden");
		expectError(loginRequest(email, "a-password-never-used"), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void aNewAdminEmailGetsAnAdministratorMarkedAsTheBootstrapOne() {
		String email = uniqueEmail();
		User admin = bootstrap(email, "first-admin-password").ensureAdmin().block();
		assertThat(admin.toRole()).isEqualTo(Role.ADMIN);
		assertThat(admin.isBootstrapAdmin()).isTrue();
		assertThat(this.store.findByEmail(email).block().isBootstrapAdmin()).isTrue();
		login(email, "first-admin-password");
	}

	@Test
	void withoutConfigurationNothingIsCreated() {
		StepVerifier.create(bootstrap(null, null).ensureAdmin()).verifyComplete();
	}

	@Test
	void aTooShortAdministratorPasswordStopsStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> bootstrap(uniqueEmail(), "short"))
			.withMessageContaining("ADMIN_PASSWORD");
	}

	@Test
	void theCreatedAdministratorIsACompleteActiveAccount() {
		Instant before = Instant.now().minusSeconds(1);
		String email = uniqueEmail();
		User admin = bootstrap(" " + email.toUpperCase() + " ", "first-admin-password").ensureAdmin().block();
		assertThat(admin.email()).isEqualTo(email);
		assertThat(admin.name()).isEqualTo("Administrator");
		assertThat(admin.createdAt()).isAfter(before);
		assertThat(admin.status()).isEqualTo("active");
	}

	private AdminBootstrap bootstrap(String email, String password) {
		return new AdminBootstrap(new AdminProperties(email, password), this.store, this.hasher, new StartUpTasks());
	}

}
