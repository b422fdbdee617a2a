package com.appgain.examples.example;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.mongo.ScanLimit;
import com.appgain.common.api.response.Paged;
import com.appgain.common.api.security.AuthenticatedUser;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

/**
 * What the blueprint's {@code example_api.py} handlers do, minus HTTP: list, read through
 * the cache, create, change and delete with ownership and optimistic locking.
 */
@Service
class ExampleService {

	private static final Logger logger = LoggerFactory.getLogger(ExampleService.class);

	private final ExampleRepository repository;

	private final ReactiveMongoTemplate mongo;

	private final ExampleCache cache;

	private final ScanLimit scanLimit;

	private final Counter created;

	private final Counter updated;

	private final Counter deleted;

	ExampleService(ExampleRepository repository, ReactiveMongoTemplate mongo, ExampleCache cache, ScanLimit scanLimit,
			MeterRegistry meters) {
		this.repository = repository;
		this.mongo = mongo;
		this.cache = cache;
		this.scanLimit = scanLimit;
		this.created = counter(meters, "create");
		this.updated = counter(meters, "update");
		this.deleted = counter(meters, "delete");
	}

	Mono<ExampleResponses.ExampleList> list(ExampleQuery query) {
		Mono<Paged<ExampleJson>> page = Paged.of(
				this.mongo.find(query.pageQuery(), Example.class).map(Example::forJson),
				this.mongo.count(query.filter(), Example.class), query.page());
		return this.scanLimit.applyWhenSearching(query.search(), page)
			.map((paged) -> ExampleResponses.ExampleList.of(paged.items(), paged.pagination()));
	}

	Mono<CachedExample> get(ObjectId id) {
		return this.cache.get(id)
			.switchIfEmpty(Mono.defer(() -> load(id)))
			.filter((entry) -> !entry.deleted())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Example")));
	}

	Mono<Example> create(ExampleRequest request, AuthenticatedUser user) {
		return this.repository.insert(Example.create(request, user.id()))
			.doOnNext((example) -> recorded(this.created, "Example created", example, user));
	}

	/**
	 * Applies {@code changes} if {@code user} owns the example or is an admin; fails with
	 * 409 when {@code expectedVersion} is stale or another write lands first.
	 */
	Mono<Example> update(ObjectId id, ExampleRequest changes, Long expectedVersion, AuthenticatedUser user) {
		return find(id).map((example) -> mayChange(example, user, "Cannot modify this example"))
			.map((example) -> atVersion(example, expectedVersion))
			.map((example) -> example.apply(changes))
			.flatMap(this.repository::save)
			.onErrorMap(OptimisticLockingFailureException.class, (ex) -> concurrentChange())
			.flatMap((example) -> this.cache.put(CachedExample.of(example)).thenReturn(example))
			.doOnNext((example) -> recorded(this.updated, "Example updated", example, user));
	}

	Mono<Void> delete(ObjectId id, Long expectedVersion, AuthenticatedUser user) {
		return find(id).map((example) -> mayChange(example, user, "Cannot delete this example"))
			.map((example) -> atVersion(example, expectedVersion))
			.flatMap((example) -> this.repository.delete(example).thenReturn(example))
			.onErrorMap(OptimisticLockingFailureException.class, (ex) -> concurrentChange())
			.flatMap((example) -> this.cache.markDeleted(id).thenReturn(example))
			.doOnNext((example) -> recorded(this.deleted, "Example deleted", example, user))
			.then();
	}

	private Mono<CachedExample> load(ObjectId id) {
		return this.repository.findById(id)
			.map(CachedExample::of)
			.flatMap((entry) -> this.cache.putIfAbsent(entry).thenReturn(entry));
	}

	private Mono<Example> find(ObjectId id) {
		return this.repository.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("Example")));
	}

	private static Example mayChange(Example example, AuthenticatedUser user, String refusal) {
		if (!user.isAdmin() && !user.owns(example.userId())) {
			throw ApiException.forbidden(refusal);
		}
		return example;
	}

	private static Example atVersion(Example example, Long expectedVersion) {
		if (expectedVersion != null && !expectedVersion.equals(example.version())) {
			throw concurrentChange();
		}
		return example;
	}

	private static ApiException concurrentChange() {
		return ApiException.conflict("Example was changed by another request; read it again and retry");
	}

	private static void recorded(Counter counter, String event, Example example, AuthenticatedUser user) {
		counter.increment();
		logger.atInfo()
			.addKeyValue("example_id", example.id().toHexString())
			.addKeyValue("user_id", user.id())
			.addKeyValue("owner_id", example.userId())
			.log(event);
	}

	// One name with an operation tag: Prometheus reserves a "_created" suffix.
	private static Counter counter(MeterRegistry meters, String operation) {
		return Counter.builder("appgain.examples.operations")
			.description("Examples created, updated and deleted through the API")
			.tag("operation", operation)
			.register(meters);
	}

}
