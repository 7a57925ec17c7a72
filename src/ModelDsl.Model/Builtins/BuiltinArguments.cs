using System.Numerics;

namespace ModelDsl.Model;

/// <summary>
/// The numeric arguments of one builtin call at a point, by parameter name: a complex scalar (real, complex and bool
/// parameters; a switch is 1 or 0), a complex n x 1 array (vectors) or a complex matrix. Immutable: the arrays are
/// copied in, and every array read out is a copy.
/// </summary>
public sealed class BuiltinArguments(IReadOnlyDictionary<string, Complex[,]> arguments)
{
    private readonly Dictionary<string, Complex[,]> values =
        arguments.ToDictionary(a => a.Key, a => (Complex[,])a.Value.Clone(), StringComparer.Ordinal);

    /// <summary>True when every entry of every argument is a finite number.</summary>
    public bool AllFinite
    {
        get
        {
            foreach (var m in values.Values)
                foreach (var z in m)
                    if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary)) return false;
            return true;
        }
    }

    /// <summary>A real parameter.</summary>
    public double Real(string name) => values[name][0, 0].Real;

    /// <summary>A complex parameter.</summary>
    public Complex Complex(string name) => values[name][0, 0];

    /// <summary>A switch.</summary>
    public bool Bool(string name) => values[name][0, 0].Real != 0;

    /// <summary>A vector parameter's real parts.</summary>
    public double[] RealVector(string name)
    {
        var a = values[name];
        return Enumerable.Range(0, a.GetLength(0)).Select(i => a[i, 0].Real).ToArray();
    }

    /// <summary>A vector (n x 1) or matrix parameter, or a scalar as 1x1 (a copy).</summary>
    public Complex[,] Matrix(string name) => (Complex[,])values[name].Clone();

    /// <summary>The names and values, in parameter order.</summary>
    public IEnumerable<KeyValuePair<string, Complex[,]>> All => values.Select(v => KeyValuePair.Create(v.Key, (Complex[,])v.Value.Clone()));
}
