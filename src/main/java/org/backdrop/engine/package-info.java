/**
 * The engines that run per-sample work: on this JVM's threads (the default) or on a distributed engine. The
 * Spark engine is the sub-package {@code spark}, compiled only in a build with {@code -Pspark}.
 */
package org.backdrop.engine;
