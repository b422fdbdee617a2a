package com.appgain.users.user;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PooledArgon2EncoderTests {

	// small costs keep the test fast; the code paths are those of the defaults
	private final PooledArgon2Encoder pooled = new PooledArgon2Encoder(16, 32, 1, 1024, 2, 2);

	private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 1024, 2);

	@Test
	void hashesWrittenBySpringsEncoderVerifyAndTheOtherWayRound() {
		for (String password : new String[] { "correct-horse-42", "pässwörd ✓ 密码", "x".repeat(500) }) {
			String bySpring = this.spring.encode(password);
			String byPool = this.pooled.encode(password);
			assertThat(this.pooled.matches(password, bySpring)).as(bySpring).isTrue();
			assertThat(this.spring.matches(password, byPool)).as(byPool).isTrue();
			assertThat(this.pooled.matches(password + "!", bySpring)).isFalse();
			assertThat(this.spring.matches(password + "!", byPool)).isFalse();
		}
	}

	@Test
	void theEncodingIsSpringsAndEachHashHasItsOwnSalt() {
		String hash = this.pooled.encode("correct-horse-42");
		assertThat(hash).matches("\\$argon2id\\$v=19\\$m=1024,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(this.pooled.encode("correct-horse-42")).isNotEqualTo(hash);
	}

	@Test
	void aHashOfOtherCostsVerifiesWithItsOwnCosts() {
		String hash = new Argon2PasswordEncoder(16, 32, 2, 2048, 3).encode("correct-horse-42");
		assertThat(this.pooled.matches("correct-horse-42", hash)).isTrue();
		assertThat(this.pooled.matches("correct-horse-43", hash)).isFalse();
	}

	@Test
	void whatIsNotAnArgon2idHashMatchesNothing() {
		String hash = this.pooled.encode("pw");
		for (String bad : new String[] { null, "", "pw", hash.replace("argon2id", "argon2i"),
				hash.replace("v=19", "v=16"), hash.substring(0, hash.lastIndexOf('$')), hash + "$",
				hash.replace("m=1024", "m=-1"), hash.replace("m=1024", "m=99999999999") }) {
			assertThat(this.pooled.matches("pw", bad)).as(String.valueOf(bad)).isFalse();
		}
		// as Spring's: an empty password matches nothing
		assertThat(this.pooled.matches("", this.spring.encode(""))).isFalse();
		assertThat(this.spring.matches("", this.pooled.encode(""))).isFalse();
	}

	@Test
	void concurrentHashesShareThePoolSafely() throws Exception {
		String hash = this.pooled.encode("correct-horse-42");
		Thread[] threads = new Thread[4];
		boolean[] ok = new boolean[threads.length];
		for (int i = 0; i < threads.length; i++) {
			int n = i;
			threads[i] = new Thread(() -> {
				boolean all = true;
				for (int j = 0; j < 5; j++) {
					all &= this.pooled.matches("correct-horse-42", hash) && !this.pooled.matches("wrong", hash);
				}
				ok[n] = all;
			});
			threads[i].start();
		}
		for (Thread thread : threads) {
			thread.join(30_000);
		}
		assertThat(ok).containsOnly(true);
	}

}
