package com.appgain.common.api.mongo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

class ScanLimitTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void scansPastTheConcurrencyWaitAndRunWhenOneEnds() {
		ScanLimit limit = limit(2, 10, Duration.ofSeconds(5));
		AtomicInteger started = new AtomicInteger();
		List<Sinks.One<String>> searches = List.of(Sinks.one(), Sinks.one(), Sinks.one());
		List<Mono<String>> answers = searches.stream()
			.map((search) -> limit.apply(search.asMono().doOnSubscribe((s) -> started.incrementAndGet())).cache())
			.toList();
		answers.forEach(Mono::subscribe);

		assertThat(started).hasValue(2);
		assertThat(waiting()).isEqualTo(1);

		searches.get(0).tryEmitValue("first");
		assertThat(started).hasValue(3);
		assertThat(waiting()).isZero();
		searches.get(1).tryEmitValue("second");
		searches.get(2).tryEmitValue("third");
		StepVerifier.create(Mono.zip(answers.get(0), answers.get(1), answers.get(2)))
			.assertNext((all) -> assertThat(List.of(all.getT1(), all.getT2(), all.getT3())).containsExactly("first",
					"second", "third"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void onlyAListThatSearchesTextWaitsForATurn() {
		ScanLimit limit = limit(1, 10, Duration.ofSeconds(5));
		Disposable running = limit.apply(Mono.never()).subscribe();

		StepVerifier.create(limit.applyWhenSearching(null, Mono.just("index"))).expectNext("index").verifyComplete();
		StepVerifier.create(limit.applyWhenSearching("", Mono.just("index"))).expectNext("index").verifyComplete();
		Disposable search = limit.applyWhenSearching("ada", Mono.just("scan")).subscribe();
		assertThat(waiting()).isEqualTo(1);
		search.dispose();
		running.dispose();
	}

	@Test
	void aScanThatCannotJoinTheFullQueueIsAnswered503AtOnceAndNeverRuns() {
		ScanLimit limit = limit(1, 1, Duration.ofSeconds(5));
		Disposable running = limit.apply(Mono.never()).subscribe();
		Disposable waiting = limit.apply(Mono.never()).subscribe();
		AtomicInteger started = new AtomicInteger();

		StepVerifier.create(limit.apply(Mono.fromSupplier(started::incrementAndGet)))
			.expectErrorSatisfies(ScanLimitTests::assertBusy)
			.verify(Duration.ofSeconds(1));
		assertThat(started).hasValue(0);
		running.dispose();
		waiting.dispose();
	}

	@Test
	void theTimeoutCountsTheWaitForATurn() {
		ScanLimit limit = limit(1, 10, Duration.ofMillis(400));
		Disposable first = limit.apply(Mono.delay(Duration.ofMillis(300))).subscribe();

		// its turn at 300 ms, done at 500 if its wait were not counted
		StepVerifier.create(limit.apply(Mono.delay(Duration.ofMillis(200))))
			.expectErrorSatisfies(ScanLimitTests::assertTimedOut)
			.verify(Duration.ofSeconds(5));
		assertThat(waiting()).isZero();
		first.dispose();
	}

	// The turn passes in arrival order and every scan has the same timeout, so the second
	// gets the turn as the first is cancelled, and its own timeout ends it there or still
	// waiting: either way a 503 at its timeout and no waiter left behind.
	@Test
	void aScanQueuedBehindAStalledOneIsAnswered503AtItsTimeoutAndLeavesNoWaiter() {
		ScanLimit limit = limit(1, 10, Duration.ofMillis(300));
		// the first times out too; its 503 is not what this test reads
		Disposable first = limit.apply(Mono.never()).onErrorComplete().subscribe();
		Mono<Object> second = limit.apply(Mono.never());

		StepVerifier.create(second)
			.then(() -> assertThat(waiting()).isEqualTo(1))
			.expectErrorSatisfies(ScanLimitTests::assertTimedOut)
			.verify(Duration.ofSeconds(5));
		assertThat(waiting()).isZero();
		first.dispose();
	}

	@Test
	void aScanStillRunningAtTheTimeoutCountingItsWaitIsCancelledAnswered503AndGivesItsTurnBack() {
		ScanLimit limit = limit(1, 10, Duration.ofMillis(300));
		Sinks.One<String> first = Sinks.one();
		Disposable running = limit.apply(first.asMono()).subscribe();
		AtomicInteger cancelled = new AtomicInteger();
		Mono<String> stalled = limit.apply(Mono.<String>never().doOnCancel(cancelled::incrementAndGet));

		StepVerifier.create(stalled)
			.then(() -> first.tryEmitValue("first, ending while the second waits"))
			.expectErrorSatisfies(ScanLimitTests::assertTimedOut)
			.verify(Duration.ofSeconds(5));
		assertThat(cancelled).hasValue(1);
		StepVerifier.create(limit.apply(Mono.just("next")))
			.expectNext("next")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		running.dispose();
	}

	@Test
	void aCallerThatGoesAwayWhileWaitingLeavesTheQueueAndItsScanNeverRuns() {
		ScanLimit limit = limit(1, 10, Duration.ofSeconds(5));
		Sinks.One<String> first = Sinks.one();
		Disposable running = limit.apply(first.asMono()).subscribe();
		AtomicInteger started = new AtomicInteger();
		Disposable gone = limit.apply(Mono.fromSupplier(started::incrementAndGet)).subscribe();
		assertThat(waiting()).isEqualTo(1);

		gone.dispose();
		assertThat(waiting()).isZero();
		first.tryEmitValue("first");
		StepVerifier.create(limit.apply(Mono.just("next")))
			.expectNext("next")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(started).hasValue(0);
		running.dispose();
	}

	@Test
	void aFailedOrCancelledScanGivesItsTurnBack() {
		ScanLimit limit = limit(1, 10, Duration.ofMillis(500));
		StepVerifier.create(limit.apply(Mono.error(new IllegalStateException("store down"))))
			.expectErrorMessage("store down")
			.verify(Duration.ofSeconds(5));
		limit.apply(Mono.never()).subscribe().dispose();

		StepVerifier.create(limit.apply(Mono.just("next")))
			.expectNext("next")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private ScanLimit limit(int concurrency, int maxWaiting, Duration timeout) {
		return new ScanLimit(new ScanLimitProperties(concurrency, maxWaiting, timeout), this.meters);
	}

	private double waiting() {
		return this.meters.get("appgain.mongo.scans.waiting").gauge().value();
	}

	private static void assertBusy(Throwable error) {
		assertUnavailable(error, "Too many searches at once");
	}

	private static void assertTimedOut(Throwable error) {
		assertUnavailable(error, "The search did not finish in time");
	}

	private static void assertUnavailable(Throwable error, String reason) {
		assertThat(error).isInstanceOf(ApiException.class).hasMessage(reason + "; retry shortly");
		ApiException unavailable = (ApiException) error;
		assertThat(unavailable.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(1));
	}

}
