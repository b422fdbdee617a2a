package com.appgain.users.user;

import java.time.Duration;
import java.time.Instant;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.appgain.common.api.response.PageRequest;
import com.appgain.common.api.store.MongoIndexes;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code users} collection. Inserts wait for the unique email index, so a duplicate
 * is refused by MongoDB even when two registrations race.
 */
@Component
public class UserStore {

	private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

	private final ReactiveMongoTemplate mongo;

	private final Mono<Void> indexes;

	UserStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		// Cached once created; a failure is not cached, so the next caller tries again.
		this.indexes = MongoIndexes.create(mongo, User.class, UserIndexes.INDEXES)
			.cache((done) -> FOREVER, (ex) -> Duration.ZERO, () -> FOREVER);
	}

	/** Inserts a new user; a taken email fails with {@code DuplicateKeyException}. */
	public Mono<User> insert(User user) {
		return this.indexes.then(this.mongo.insert(user));
	}

	public Mono<User> findById(ObjectId id) {
		return this.mongo.findById(id, User.class);
	}

	public Mono<User> findByEmail(String normalisedEmail) {
		return this.mongo.findOne(Query.query(Criteria.where("email").is(normalisedEmail)), User.class);
	}

	/** Applies {@code update} and returns the user as it is afterwards. */
	public Mono<User> update(ObjectId id, Update update) {
		return this.mongo.findAndModify(Query.query(Criteria.where("id").is(id)),
				update.set("updatedAt", Instant.now()), FindAndModifyOptions.options().returnNew(true), User.class);
	}

	public Flux<User> search(String text, PageRequest page) {
		Query query = matching(text).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))
			.skip(page.skip())
			.limit(page.limit());
		return this.mongo.find(query, User.class);
	}

	public Mono<Long> count(String text) {
		return this.mongo.count(matching(text), User.class);
	}

	/**
	 * Makes sure the indexes exist: done once at start-up ({@link UserIndexes}) and
	 * before the first insert.
	 */
	Mono<Void> ensureIndexes() {
		return this.indexes;
	}

	/**
	 * Users whose email or name contains {@code text}, matched literally, ignoring case.
	 */
	private static Query matching(String text) {
		if (text == null || text.isEmpty()) {
			return new Query();
		}
		String literal = LiteralPattern.of(text);
		return Query.query(new Criteria().orOperator(Criteria.where("email").regex(literal, "i"),
				Criteria.where("name").regex(literal, "i")));
	}

}
