package org.backdrop.model.djl;

import ai.djl.Model;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.translate.TranslatorContext;
import java.util.HashMap;
import java.util.Map;

/** A translator context without a model: an NDManager and attachments, enough to run a translator by hand. */
final class StubTranslatorContext implements TranslatorContext {

    private final NDManager manager;
    private final Map<String, Object> attachments = new HashMap<>();

    StubTranslatorContext(NDManager manager) {
        this.manager = manager;
    }

    @Override
    public Model getModel() {
        throw new UnsupportedOperationException("no model in a stub context");
    }

    @Override
    public NDManager getNDManager() {
        return manager;
    }

    @Override
    public NDManager getPredictorManager() {
        return manager;
    }

    @Override
    public Block getBlock() {
        throw new UnsupportedOperationException("no block in a stub context");
    }

    @Override
    public Metrics getMetrics() {
        return null;
    }

    @Override
    public Object getAttachment(String key) {
        return attachments.get(key);
    }

    @Override
    public void setAttachment(String key, Object value) {
        attachments.put(key, value);
    }

    @Override
    public void close() {}
}
