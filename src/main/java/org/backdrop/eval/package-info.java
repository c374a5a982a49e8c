/** Classification and detection metrics, and the runners that apply models to datasets. */
package org.backdrop.eval;
