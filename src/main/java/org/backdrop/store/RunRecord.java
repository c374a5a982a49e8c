package org.backdrop.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An evaluation or training run recorded in a project.
 *
 * @param id the run's id, such as {@code training-20261204-221530-3f9a}
 * @param kind what the run did
 * @param status its state
 * @param startedAt when it was recorded (UTC)
 * @param finishedAt when it ended, empty while it runs
 * @param inputsJson the run's inputs (models, datasets, variants, options) as a JSON document
 */
public record RunRecord(String id, RunKind kind, RunStatus status, Instant startedAt, Optional<Instant> finishedAt, String inputsJson) {}
