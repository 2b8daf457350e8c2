package dev.streamlens.testjobs;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Streamlens test job that fails on purpose, in two ways:
 * <ul>
 *   <li>the parser throws on every N-th record it sees (default 400, about every 20 s at
 *       20 records/s), and a fixed-delay restart strategy brings the job back after 3 s —
 *       forever. So /jobs/:jid/exceptions always has entries (with a cause chain) and the job
 *       shows restarts, while staying RUNNING most of the time;</li>
 *   <li>the parser's snapshotState is slow for every K-th checkpoint id (default 4, about
 *       every 20 s at one checkpoint per 5 s): it sleeps longer than the job's checkpoint
 *       timeout (3 s), so that checkpoint expires and /jobs/:jid/checkpoints always has
 *       FAILED entries with a failure_message. Failed checkpoints are tolerated
 *       (tolerable-failed-checkpoints = MAX), so they add no restarts of their own. (Throwing
 *       from snapshotState instead would fail the task — "Could not perform checkpoint N" —
 *       and the job would restart on every such checkpoint.)</li>
 * </ul>
 * Compiles against Flink 1.20 and 2.x.
 *
 * Args: [failEvery] [failCheckpointEvery]
 */
public class FlakyJob {

    static final Duration CHECKPOINT_TIMEOUT = Duration.ofSeconds(3);

    public static class Line implements GeneratorFunction<Long, String> {
        @Override
        public String map(Long n) {
            return "record-" + n;
        }
    }

    /**
     * Counts records per subtask attempt (the count restarts with every restart); stalls
     * every K-th checkpoint past the timeout (checkpoint ids keep counting across restarts).
     */
    public static class FlakyParser implements MapFunction<String, String>, CheckpointedFunction {
        private final long failEvery;
        private final long failCheckpointEvery;
        private long seen;

        public FlakyParser(long failEvery, long failCheckpointEvery) {
            this.failEvery = failEvery;
            this.failCheckpointEvery = failCheckpointEvery;
        }

        @Override
        public void initializeState(FunctionInitializationContext ctx) {}

        @Override
        public void snapshotState(FunctionSnapshotContext ctx) throws InterruptedException {
            long id = ctx.getCheckpointId();
            if (failCheckpointEvery > 0 && id % failCheckpointEvery == 0) {
                Thread.sleep(CHECKPOINT_TIMEOUT.toMillis() + 1_500); // => "Checkpoint expired before completing."
            }
        }

        @Override
        public String map(String value) {
            seen++;
            if (seen % failEvery == 0) {
                NumberFormatException cause =
                        new NumberFormatException("For input string: \"" + value + "\"");
                throw new IllegalStateException(
                        "Simulated failure after " + seen + " records (streamlens test job)", cause);
            }
            return value.toUpperCase();
        }
    }

    public static void main(String[] args) throws Exception {
        long failEvery = args.length > 0 ? Long.parseLong(args[0]) : 400;
        long failCheckpointEvery = args.length > 1 ? Long.parseLong(args[1]) : 4;

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(3));
        // An expired checkpoint must not fail the job (the default tolerates 0 failures).
        conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, CHECKPOINT_TIMEOUT);
        conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, Integer.MAX_VALUE);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(5_000);

        DataGeneratorSource<String> source = new DataGeneratorSource<>(
                new Line(), Long.MAX_VALUE, RateLimiterStrategy.perSecond(20), Types.STRING);

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "flaky-source").uid("flaky-source")
                .map(new FlakyParser(failEvery, failCheckpointEvery)).name("flaky-parser").uid("flaky-parser")
                .sinkTo(new DiscardingSink<>()).name("flaky-sink").uid("flaky-sink");

        env.execute("FlakyJob");
    }
}
