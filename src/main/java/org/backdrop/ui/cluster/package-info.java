/** The studio's settings for running work on a Spark cluster. */
package org.backdrop.ui.cluster;
