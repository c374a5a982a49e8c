/** The command-line entry points; the only package that writes to standard output. */
package org.backdrop.cli;
