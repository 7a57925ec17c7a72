using BenchmarkDotNet.Running;

if (args is ["--work-precision"])
{
    ModelDsl.Bench.RobertsonWorkPrecision.PrintTable(Console.Out);
    return;
}
if (args is ["--ulysses-tolerances"])
{
    ModelDsl.Bench.UlyssesOwnTolerances.PrintAccuracy(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ModelDsl.Bench.CompiledExpressionBenchmarks).Assembly).Run(args);
