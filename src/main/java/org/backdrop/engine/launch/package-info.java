/**
 * Submitting Backdrop's commands to a Spark installation through Spark's launcher API, with the
 * command's progress and JSON result read back. Only this package uses {@code org.apache.spark.launcher},
 * a small library without Spark itself, which the default build carries.
 */
package org.backdrop.engine.launch;
