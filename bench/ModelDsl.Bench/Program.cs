using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ModelDsl.Bench.CompiledExpressionBenchmarks).Assembly).Run(args);
