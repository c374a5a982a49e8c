/** The JavaFX studio; the only package that uses JavaFX. */
package org.backdrop.ui;
