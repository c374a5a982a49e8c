package org.backdrop.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as PyTorch's {@code torch.optim.SGD}
 * computes it: {@code g = grad + decay * w; v = momentum * v + g; w = w - rate * v}.
 *
 * <p>DJL's own SGD keeps its momentum buffers private, so a checkpoint could not restore them. This
 * optimizer owns its buffers and saves and loads them by parameter name, which makes a resumed run
 * continue exactly. The learning rate comes from {@link LearningRateSchedule} at the step set with
 * {@link #setStep(long)} before each update, not from DJL's per-parameter update counts, which restart
 * at 0 in a new process.
 */
final class MomentumSgd extends Optimizer {

    private final LearningRateSchedule schedule;
    private final float momentum;
    private final float weightDecay;
    private final Map<String, NDArray> velocities = new HashMap<>();
    private Set<String> frozen = Set.of();
    private long step;

    MomentumSgd(LearningRateSchedule schedule, float momentum, float weightDecay) {
        super(new Builder());
        this.schedule = schedule;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /** Sets the step, counted from 0 over the whole run, whose learning rate the next updates use. */
    void setStep(long step) {
        this.step = step;
    }

    /**
     * Sets the ids of the parameters that updates leave unchanged, with no weight decay and no momentum,
     * as {@code torch.optim.SGD} skips parameters without a gradient.
     */
    void setFrozen(Set<String> parameterIds) {
        frozen = Set.copyOf(parameterIds);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        if (frozen.contains(parameterId)) {
            return;
        }
        float rate = schedule.rate(step);
        NDArray velocity = velocities.computeIfAbsent(parameterId, id -> weight.zerosLike());
        try (NDScope scope = new NDScope()) {
            NDArray gradient = grad.mul(rescaleGrad);
            if (weightDecay != 0) {
                gradient.addi(weight.mul(weightDecay));
            }
            velocity.muli(momentum).addi(gradient);
            weight.subi(velocity.mul(rate));
        }
    }

    /** Writes the momentum buffers, each named after its parameter's path in the network. */
    void save(Iterable<Pair<String, Parameter>> parameters, OutputStream out) throws IOException {
        NDList buffers = new NDList();
        for (Pair<String, Parameter> parameter : parameters) {
            NDArray velocity = velocities.get(parameter.getValue().getId());
            if (velocity != null) {
                velocity.setName(parameter.getKey());
                buffers.add(velocity);
            }
        }
        buffers.encode(out);
    }

    /**
     * Reads buffers written by {@link #save}, matching them to {@code parameters} by name; the arrays
     * belong to {@code manager}.
     *
     * @throws IOException if the stream cannot be read or names a parameter the network does not have
     */
    void load(Iterable<Pair<String, Parameter>> parameters, NDManager manager, InputStream in) throws IOException {
        Map<String, String> idByName = new HashMap<>();
        for (Pair<String, Parameter> parameter : parameters) {
            idByName.put(parameter.getKey(), parameter.getValue().getId());
        }
        NDList buffers = NDList.decode(manager, in);
        for (NDArray buffer : buffers) {
            String id = idByName.get(buffer.getName());
            if (id == null) {
                throw new IOException("optimizer state names parameter '" + buffer.getName() + "', which this network does not have");
            }
            NDArray previous = velocities.put(id, buffer);
            if (previous != null) {
                previous.close();
            }
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
