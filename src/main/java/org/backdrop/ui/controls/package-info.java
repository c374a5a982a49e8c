/** Small controls that several studio screens use. */
package org.backdrop.ui.controls;
