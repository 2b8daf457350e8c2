package dev.streamlens.testjobs;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Streamlens test job that fails on purpose: the parser throws on every N-th record it sees
 * (default 400, about every 20 s at 20 records/s), and a fixed-delay restart strategy brings
 * the job back after 3 s — forever. So /jobs/:jid/exceptions always has entries (with a
 * cause chain) and the job shows restarts, while staying RUNNING most of the time.
 *
 * Args: [failEvery]
 */
public class FlakyJob {

    public static class Line implements GeneratorFunction<Long, String> {
        @Override
        public String map(Long n) {
            return "record-" + n;
        }
    }

    /** Counts records per subtask attempt; the count restarts with every restart. */
    public static class FlakyParser implements MapFunction<String, String> {
        private final long failEvery;
        private long seen;

        public FlakyParser(long failEvery) {
            this.failEvery = failEvery;
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

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(3));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(5_000);

        DataGeneratorSource<String> source = new DataGeneratorSource<>(
                new Line(), Long.MAX_VALUE, RateLimiterStrategy.perSecond(20), Types.STRING);

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "flaky-source").uid("flaky-source")
                .map(new FlakyParser(failEvery)).name("flaky-parser").uid("flaky-parser")
                .sinkTo(new DiscardingSink<>()).name("flaky-sink").uid("flaky-sink");

        env.execute("FlakyJob");
    }
}
