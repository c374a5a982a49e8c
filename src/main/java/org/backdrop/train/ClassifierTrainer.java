package org.backdrop.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backdrop.ProgressListener;
import org.backdrop.model.djl.PyTorchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a classifier from scratch, or fine-tunes a TorchScript classifier with a new head (see
 * {@link TransferModel}), with DJL's PyTorch engine on a seeded mix of datasets and evaluates it on test
 * sets after every epoch. A finished run ends with a TorchScript file and its model spec.
 *
 * <p>Reproducibility: on the CPU, the same sources, options and seed give the same weights, and a run
 * resumed from a checkpoint ends with the same weights as one that never stopped. Weight initialisation
 * draws from the engine's generator seeded with {@code seed}; data order and augmentation come from
 * Java generators seeded from {@code seed}, the epoch and the position, and images load on the training
 * thread. PyTorch's CPU kernels gave the same sums for the same thread count on the same machine in the
 * resume test. A different thread count or CPU can change the last bits. On a GPU, cuDNN picks convolution
 * algorithms whose sums are not deterministic, so runs agree only approximately there.
 */
public final class ClassifierTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTrainer.class);
    private static final String ENGINE = PyTorchEngine.NAME;

    private ClassifierTrainer() {}

    /**
     * Trains on {@code sources} with {@code options}, writing metrics, checkpoints and the final model
     * into {@code options.out()}. Cancelling through {@code progress} stops after the current batch. The
     * unfinished epoch is dropped and the last checkpoint stays, so {@code resume} continues from it.
     *
     * @param sources the training mix, at least one source with labelled samples
     * @param tests the sets to evaluate after each epoch, possibly none
     * @throws TrainingException if the sources have no labelled samples, a checkpoint to resume from is
     *     missing or belongs to another network, other classes or other options, a TorchScript file to
     *     fine-tune is missing or has no replaceable head, or the engine fails
     * @throws IOException if an image, a checkpoint or an output file cannot be read or written
     */
    public static TrainingResult train(List<TrainingSource> sources, List<TestSet> tests, TrainingOptions options,
            ProgressListener progress, EpochListener listener) throws TrainingException, IOException {
        RunFolder run = new RunFolder(options.out());
        Files.createDirectories(run.root());
        RunSettings settings = RunSettings.of(options, sources);
        Optional<RunFolder.CheckpointState> resumed = options.resume() ? Optional.of(resumeState(run, options, settings)) : Optional.empty();

        ClassNames classes = resumed.map(state -> new ClassNames(state.classNames()))
                .orElseGet(() -> ClassNames.union(sources.stream().map(TrainingSource::dataset).toList()));
        checkClasses(classes, sources, resumed);
        List<LabelledImages> training = new ArrayList<>();
        for (TrainingSource source : sources) {
            training.add(LabelledImages.of(source.name(), source.dataset(), classes, TrainingOptions.INPUT_SIZE));
        }
        List<LabelledImages> testing = new ArrayList<>();
        for (TestSet test : tests) {
            testing.add(LabelledImages.of(test.name(), test.dataset(), classes, TrainingOptions.INPUT_SIZE));
        }
        List<TrainingSource.Share> shares = sources.stream().map(TrainingSource::share).toList();
        int imagesPerEpoch = EpochOrder.shuffled(training, shares, options.seed(), 1).size();
        if (imagesPerEpoch == 0) {
            throw new TrainingException("the training datasets have no samples labelled with a class; check that they are classification datasets");
        }

        progress.progress(0, -1, "Reading training images");
        Normalization normalization = resumed.isPresent() ? resumed.get().normalization() : initialNormalization(options, training);

        Engine engine = PyTorchEngine.start();
        engine.setRandomSeed((int) options.seed());
        Device device = chooseDevice(engine);

        int stepsPerEpoch = (imagesPerEpoch + options.batchSize() - 1) / options.batchSize();
        LearningRateSchedule schedule = new LearningRateSchedule(options.schedule(), options.learningRate(), options.epochs(), stepsPerEpoch);
        MomentumSgd optimizer = new MomentumSgd(schedule, options.momentum(), options.weightDecay());
        Session session = new Session(options, settings, training, shares, testing, normalization, schedule, optimizer, run, progress,
                listener);

        try (Model model = Model.newInstance(options.architecture().cliName(), device, ENGINE)) {
            if (options.architecture() == Architecture.TORCHSCRIPT) {
                if (resumed.isPresent()) {
                    TransferModel.load(model, run.latestCheckpoint().orElseThrow().resolve(RunFolder.TORCHSCRIPT));
                } else {
                    TransferModel.loadWithNewHead(model, options.transferFrom(), classes.size(), run.root().resolve("new-head.pt"));
                }
            } else {
                model.setBlock(options.architecture().build(classes.size()));
                if (resumed.isPresent()) {
                    loadCheckpoint(model, run.latestCheckpoint().orElseThrow());
                }
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, TrainingOptions.INPUT_SIZE, TrainingOptions.INPUT_SIZE));
                if (resumed.isPresent()) {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(run.latestCheckpoint().orElseThrow().resolve(RunFolder.OPTIMIZER)))) {
                        optimizer.load(model.getBlock().getParameters(), model.getNDManager(), in);
                    }
                    run.truncateMetrics(resumed.get().epoch());
                }
                return session.run(model, trainer, classes, resumed, device);
            }
        } catch (MalformedModelException e) {
            throw new TrainingException(options.out() + ": the checkpoint's parameters do not fit the "
                    + options.architecture().cliName() + " network: " + e.getMessage(), e);
        } catch (TranslateException e) {
            throw new TrainingException("failed to batch training images: " + e.getMessage(), e);
        }
    }

    private static RunFolder.CheckpointState resumeState(RunFolder run, TrainingOptions options, RunSettings settings)
            throws IOException, TrainingException {
        Path checkpoint = run.latestCheckpoint().orElseThrow(() -> new TrainingException(
                run.root() + ": no checkpoint to resume from; run without --resume to start training"));
        RunFolder.CheckpointState state = RunFolder.readState(checkpoint);
        if (state.architecture() != options.architecture()) {
            throw new TrainingException(checkpoint + ": the checkpoint is of a " + state.architecture().cliName()
                    + " network, not " + options.architecture().cliName() + "; resume with the same model");
        }
        if (state.seed() != options.seed()) {
            LOG.warn("Resuming a run started with seed {} under seed {}: data order and augmentation follow the new seed",
                    state.seed(), options.seed());
        }
        if (state.settings().values().isEmpty()) {
            LOG.warn("{} stores no training options (written by an older Backdrop); resuming without checking them", checkpoint);
        } else {
            List<String> differences = state.settings().differences(settings);
            if (!differences.isEmpty()) {
                throw new TrainingException(run.root() + ": cannot resume, because the options differ from the run's: "
                        + String.join("; ", differences) + ". Resume with the run's options, or give --out a new folder to start another run");
            }
        }
        LOG.info("Resuming {} after epoch {}", run.root(), state.epoch());
        return state;
    }

    private static void checkClasses(ClassNames classes, List<TrainingSource> sources, Optional<RunFolder.CheckpointState> resumed)
            throws TrainingException {
        if (sources.isEmpty()) {
            throw new TrainingException("no training dataset given");
        }
        if (resumed.isEmpty()) {
            return;
        }
        ClassNames current = ClassNames.union(sources.stream().map(TrainingSource::dataset).toList());
        if (!current.names().equals(classes.names())) {
            throw new TrainingException("the checkpoint was trained on classes " + classes.names() + ", but the datasets have "
                    + current.names() + "; resume with the same datasets");
        }
    }

    /**
     * Returns the normalisation of a new run. A TorchScript network with a spec beside its file uses the
     * spec's values. Every other run uses the mean and standard deviation measured on the training images.
     */
    private static Normalization initialNormalization(TrainingOptions options, List<LabelledImages> training)
            throws IOException, TrainingException {
        if (options.architecture() == Architecture.TORCHSCRIPT) {
            Normalization fromSpec = TransferModel.normalizationBeside(options.transferFrom());
            if (fromSpec != null) {
                LOG.info("Normalising inputs with the mean and std of the spec beside {}", options.transferFrom());
                return fromSpec;
            }
            LOG.info("No spec beside {}; normalising inputs with the mean and std of the training images", options.transferFrom());
        }
        return Normalization.measure(training);
    }

    private static Device chooseDevice(Engine engine) {
        if (engine.getGpuCount() > 0) {
            LOG.info("Training on gpu(0): the PyTorch engine {} sees {} CUDA device(s)", engine.getVersion(), engine.getGpuCount());
            return Device.gpu();
        }
        LOG.info("Training on the CPU: the PyTorch engine {} sees no CUDA device (its native library is the CPU build, or no GPU is present)",
                engine.getVersion());
        return Device.cpu();
    }

    private static void loadCheckpoint(Model model, Path checkpoint) throws IOException, MalformedModelException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(checkpoint.resolve(RunFolder.PARAMS))))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        }
    }

    /** The state of one call to {@link #train}, so the epoch loop need not pass a dozen arguments around. */
    private record Session(TrainingOptions options, RunSettings settings, List<LabelledImages> training, List<TrainingSource.Share> shares,
            List<LabelledImages> testing, Normalization normalization, LearningRateSchedule schedule, MomentumSgd optimizer,
            RunFolder run, ProgressListener progress, EpochListener listener) {

        TrainingResult run(Model model, Trainer trainer, ClassNames classes, Optional<RunFolder.CheckpointState> resumed, Device device)
                throws IOException, TranslateException, MalformedModelException, TrainingException {
            int firstEpoch = resumed.map(RunFolder.CheckpointState::epoch).orElse(0) + 1;
            long step = resumed.map(RunFolder.CheckpointState::step).orElse(0L);
            Optional<EpochMetrics> last = resumed.map(RunFolder.CheckpointState::metrics);

            for (int epoch = firstEpoch; epoch <= options.epochs(); epoch++) {
                if (progress.isCancelled()) {
                    return cancelled(epoch - 1, last, device);
                }
                if (options.architecture() == Architecture.TORCHSCRIPT) {
                    setBackboneFrozen(model, epoch);
                }
                long started = System.nanoTime();
                EpochOrder order = EpochOrder.shuffled(training, shares, options.seed(), epoch);
                SampleDataset data = SampleDataset.training(training, order, normalization, TrainingOptions.INPUT_SIZE,
                        options.batchSize(), options.augment(), options.seed(), epoch);
                float rate = schedule.rate(step);

                Totals totals = trainEpoch(trainer, data, order.size(), epoch, step);
                if (totals.cancelled()) {
                    LOG.info("Training cancelled during epoch {}; the checkpoint of epoch {} stays", epoch, epoch - 1);
                    return cancelled(epoch - 1, last, device);
                }
                step += totals.batches();
                double trainingSeconds = (System.nanoTime() - started) / 1e9;

                Map<String, Double> testAccuracy = new LinkedHashMap<>();
                for (LabelledImages test : testing) {
                    testAccuracy.put(test.name(), evaluate(trainer, test));
                }
                EpochMetrics metrics = new EpochMetrics(epoch, options.epochs(), totals.loss() / totals.images(),
                        (double) totals.correct() / totals.images(), testAccuracy, rate, totals.images() / trainingSeconds,
                        (System.nanoTime() - started) / 1e9);
                saveCheckpoint(model, classes, epoch, step, metrics);
                run.appendMetrics(metrics);
                // DEBUG, because the command line prints its own epoch line and the studio draws the curves.
                LOG.debug("Epoch {}/{}: loss {}, train accuracy {}, test {}, {} images/s", epoch, options.epochs(),
                        String.format("%.4f", metrics.trainLoss()), String.format("%.4f", metrics.trainAccuracy()), testAccuracy,
                        Math.round(metrics.imagesPerSecond()));
                listener.epochFinished(metrics);
                last = Optional.of(metrics);
            }

            Path torchScript = run.root().resolve(RunFolder.TORCHSCRIPT);
            Optional<Path> spec = Optional.empty();
            if (options.architecture() == Architecture.TORCHSCRIPT) {
                TransferModel.write(model, torchScript, true);
            } else {
                model.setProperty("Epoch", Integer.toString(options.epochs()));
                run.deleteFinalModels();
                model.save(run.root(), "model");
                String paramsFile = String.format("model-%04d.params", options.epochs());
                spec = Optional.of(run.writeModelSpec(paramsFile, options.architecture(), classes.names(), normalization, options.epochs(),
                        options.seed(), Engine.getEngine(ENGINE).getVersion()));
                TorchScriptExport.write(model.getBlock(), options.architecture(), torchScript);
            }
            run.writeTorchScriptSpec(options.architecture(), classes.names(), normalization, options.epochs(), options.seed());
            LOG.info("Wrote {} and {}", torchScript, run.root().resolve(RunFolder.TORCHSCRIPT_SPEC));
            return new TrainingResult(options.epochs(), last, device.toString(), run.root(), spec, Optional.of(torchScript), false);
        }

        /** Freezes the backbone of a TorchScript network during the first freeze epochs and unfreezes it after them. */
        private void setBackboneFrozen(Model model, int epoch) {
            boolean frozen = epoch <= options.freezeEpochs();
            Set<String> backboneIds = TransferModel.backboneIds(model);
            optimizer.setFrozen(frozen ? backboneIds : Set.of());
            int backbone = backboneIds.size();
            if (frozen && epoch == 1) {
                LOG.info("Epochs 1 to {} train only the head ({}, {}); the backbone's {} parameters are frozen", options.freezeEpochs(),
                        TransferModel.HEAD_WEIGHT, TransferModel.HEAD_BIAS, backbone);
            } else if (!frozen && epoch == options.freezeEpochs() + 1 && options.freezeEpochs() > 0) {
                LOG.info("Epoch {}: unfreezing the backbone's {} parameters", epoch, backbone);
            }
        }

        private TrainingResult cancelled(int completed, Optional<EpochMetrics> last, Device device) {
            return new TrainingResult(completed, last, device.toString(), run.root(), Optional.empty(), Optional.empty(), true);
        }

        private Totals trainEpoch(Trainer trainer, SampleDataset data, int images, int epoch, long firstStep)
                throws IOException, TranslateException {
            double loss = 0;
            long correct = 0;
            long seen = 0;
            long batches = 0;
            String message = "Epoch " + epoch + "/" + options.epochs();
            for (Batch batch : trainer.iterateDataset(data)) {
                try (batch) {
                    optimizer.setStep(firstStep + batches);
                    NDArray labels = batch.getLabels().singletonOrThrow();
                    long size = labels.getShape().get(0);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        // PyTorch adds each backward pass to the stored gradients, and DJL's collector
                        // does not clear them by itself.
                        collector.zeroGradients();
                        NDArray logits = trainer.forward(batch.getData()).singletonOrThrow();
                        NDArray batchLoss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                        collector.backward(batchLoss);
                        loss += batchLoss.getFloat() * size;
                        correct += logits.argMax(1).eq(labels).countNonzero().getLong();
                    }
                    trainer.step();
                    seen += size;
                    batches++;
                }
                progress.progress(seen, images, message);
                if (progress.isCancelled()) {
                    return new Totals(loss, correct, seen, batches, true);
                }
            }
            return new Totals(loss, correct, seen, batches, false);
        }

        private double evaluate(Trainer trainer, LabelledImages test) throws IOException, TranslateException {
            if (test.count() == 0) {
                return Double.NaN;
            }
            SampleDataset data = SampleDataset.evaluation(test, normalization, TrainingOptions.INPUT_SIZE, options.batchSize());
            long correct = 0;
            for (Batch batch : trainer.iterateDataset(data)) {
                try (batch) {
                    NDArray logits = trainer.evaluate(batch.getData()).singletonOrThrow();
                    correct += logits.argMax(1).eq(batch.getLabels().singletonOrThrow()).countNonzero().getLong();
                }
            }
            return (double) correct / test.count();
        }

        private void saveCheckpoint(Model model, ClassNames classes, int epoch, long step, EpochMetrics metrics) throws IOException {
            Path folder = run.newCheckpoint(epoch);
            if (options.architecture() == Architecture.TORCHSCRIPT) {
                TransferModel.write(model, folder.resolve(RunFolder.TORCHSCRIPT), false);
            } else {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve(RunFolder.PARAMS))))) {
                    model.getBlock().saveParameters(out);
                }
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(RunFolder.OPTIMIZER)))) {
                optimizer.save(model.getBlock().getParameters(), out);
            }
            RunFolder.writeState(folder, new RunFolder.CheckpointState(epoch, step, options.architecture(), options.seed(),
                    classes.names(), normalization, settings, metrics));
            run.commitCheckpoint(epoch);
        }
    }

    private record Totals(double loss, long correct, long images, long batches, boolean cancelled) {}
}
