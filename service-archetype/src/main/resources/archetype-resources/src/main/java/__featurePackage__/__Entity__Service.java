package ${package}.${featurePackage};

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
 * What the handlers do, minus HTTP: the paged literal search, read, create, and change and
 * delete with ownership and optimistic locking.
 */
@Service
class ${Entity}Service {

	private static final Logger logger = LoggerFactory.getLogger(${Entity}Service.class);

	private final ${Entity}Repository repository;

	private final ReactiveMongoTemplate mongo;

	private final ScanLimit scanLimit;

	private final MeterRegistry meters;

	${Entity}Service(${Entity}Repository repository, ReactiveMongoTemplate mongo, ScanLimit scanLimit,
			MeterRegistry meters) {
		this.repository = repository;
		this.mongo = mongo;
		this.scanLimit = scanLimit;
		this.meters = meters;
	}

	Mono<${Entity}Responses.Listed> list(${Entity}Query query) {
		Mono<Paged<${Entity}Json>> page = Paged.of(
				this.mongo.find(query.pageQuery(), ${Entity}.class).map(${Entity}::forJson),
				this.mongo.count(query.filter(), ${Entity}.class), query.page());
		return this.scanLimit.applyWhenSearching(query.search(), page)
			.map((paged) -> ${Entity}Responses.Listed.of(paged.items(), paged.pagination()));
	}

	Mono<${Entity}> get(ObjectId id) {
		return this.repository.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("${entityLabel}")));
	}

	Mono<${Entity}> create(${Entity}Request request, AuthenticatedUser user) {
		return this.repository.insert(${Entity}.create(request, user.id()))
			.doOnNext((created) -> recorded("create", created, user));
	}

	/**
	 * Applies {@code changes} if {@code user} owns the document or is an admin; 409 when
	 * another write lands first.
	 */
	Mono<${Entity}> update(ObjectId id, ${Entity}Request changes, AuthenticatedUser user) {
		return get(id).map((found) -> mayChange(found, user, "Cannot modify this ${entityLabel.toLowerCase()}"))
			.map((found) -> found.apply(changes))
			.flatMap(this.repository::save)
			.onErrorMap(OptimisticLockingFailureException.class, (ex) -> concurrentChange())
			.doOnNext((updated) -> recorded("update", updated, user));
	}

	Mono<Void> delete(ObjectId id, AuthenticatedUser user) {
		return get(id).map((found) -> mayChange(found, user, "Cannot delete this ${entityLabel.toLowerCase()}"))
			.flatMap((found) -> this.repository.delete(found).thenReturn(found))
			.onErrorMap(OptimisticLockingFailureException.class, (ex) -> concurrentChange())
			.doOnNext((deleted) -> recorded("delete", deleted, user))
			.then();
	}

	private static ${Entity} mayChange(${Entity} found, AuthenticatedUser user, String refusal) {
		if (!user.isAdmin() && !user.owns(found.userId())) {
			throw ApiException.forbidden(refusal);
		}
		return found;
	}

	private static ApiException concurrentChange() {
		return ApiException.conflict("${entityLabel} was changed by another request; read it again and retry");
	}

	// One meter with an operation tag: Prometheus reserves a "_created" suffix.
	private void recorded(String operation, ${Entity} document, AuthenticatedUser user) {
		Counter.builder("appgain.${serviceName}.operations")
			.description("Documents created, updated and deleted through the API")
			.tag("operation", operation)
			.register(this.meters)
			.increment();
		logger.atInfo()
			.addKeyValue("${entity}_id", document.id().toHexString())
			.addKeyValue("user_id", user.id())
			.addKeyValue("owner_id", document.userId())
			.log("${entityLabel} " + operation + "d");
	}

}
