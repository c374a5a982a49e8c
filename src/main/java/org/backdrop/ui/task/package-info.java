/** Background work for the studio: the adapter from the core's progress listener to JavaFX tasks. */
package org.backdrop.ui.task;
