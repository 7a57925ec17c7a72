namespace ModelDsl.Symbolics.Compilation;

/// <summary>
/// A <see cref="StagedProgram"/> compiled level by level (<see cref="StagedProgram.CompileLevels"/>): a caller enters the
/// outer levels with their inputs when they change (a parameter point, say) and evaluates the innermost level as often as
/// it needs (every right-hand-side call of an ODE solver), each value computed at the level it depends on. The state
/// array holds what the entered levels computed; one state per thread.
/// </summary>
public sealed class StagedLevels
{
    private readonly int _stateSize;
    private readonly Action<double[], double[]>[] _enter;
    private readonly Action<double[], double[], double[]> _last;

    internal StagedLevels(int stateSize, Action<double[], double[]>[] enter, Action<double[], double[], double[]> last, int outputCount)
    {
        _stateSize = stateSize;
        _enter = enter;
        _last = last;
        OutputCount = outputCount;
    }

    /// <summary>Number of input levels (the last one is the one <see cref="Evaluate"/> takes).</summary>
    public int LevelCount => _enter.Length + 1;

    /// <summary>The operations computed on entering each level (the last: per evaluation), constants excluded.</summary>
    public System.Collections.Immutable.ImmutableArray<int> NodesPerLevel { get; init; } = [];

    /// <summary>Number of outputs.</summary>
    public int OutputCount { get; }

    /// <summary>A fresh state for one caller (thread).</summary>
    public double[] NewState() => new double[_stateSize];

    /// <summary>Enters level <paramref name="level"/> (1 .. LevelCount - 1) with its inputs: computes what depends on it and on the levels entered before.</summary>
    public void Enter(double[] state, int level, double[] inputs) => _enter[level - 1](state, inputs);

    /// <summary>Evaluates the innermost level with its inputs, after the outer levels were entered, and writes the outputs.</summary>
    public void Evaluate(double[] state, double[] inputs, double[] outputs) => _last(state, inputs, outputs);
}
