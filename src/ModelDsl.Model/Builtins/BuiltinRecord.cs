using System.Numerics;

namespace ModelDsl.Model;

/// <summary>
/// The value of a builtin at a point: one complex array per field of its <see cref="IBuiltin.Result"/> (a scalar is 1x1,
/// a vector n x 1). Immutable: the arrays are copied in and read by entry.
/// </summary>
public sealed class BuiltinRecord
{
    private readonly Dictionary<string, Complex[,]> _fields;

    /// <summary>A record from its fields' values (copied).</summary>
    public BuiltinRecord(IEnumerable<KeyValuePair<string, Complex[,]>> fields) =>
        _fields = fields.ToDictionary(f => f.Key, f => (Complex[,])f.Value.Clone(), StringComparer.Ordinal);

    /// <summary>A plain matrix result (one field named "").</summary>
    public static BuiltinRecord OfMatrix(Complex[,] m) => new([new("", m)]);

    /// <summary>The field names.</summary>
    public IEnumerable<string> Fields => _fields.Keys;

    /// <summary>Entry (i, j) of a field, 0-based (a scalar is (0, 0), a vector's entry i is (i, 0)).</summary>
    public Complex Entry(string field, int i = 0, int j = 0) => _fields[field][i, j];

    /// <summary>A copy of a field's array.</summary>
    public Complex[,] Array(string field) => (Complex[,])_fields[field].Clone();

    /// <summary>A real scalar field.</summary>
    public double Real(string field) => _fields[field][0, 0].Real;

    /// <summary>A real vector field.</summary>
    public double[] RealVector(string field)
    {
        var a = _fields[field];
        return Enumerable.Range(0, a.GetLength(0)).Select(i => a[i, 0].Real).ToArray();
    }

    /// <summary>A scalar field of value <paramref name="x"/>.</summary>
    public static KeyValuePair<string, Complex[,]> Scalar(string name, double x) => new(name, new Complex[,] { { x } });

    /// <summary>A vector field.</summary>
    public static KeyValuePair<string, Complex[,]> Vector(string name, IReadOnlyList<double> x)
    {
        var a = new Complex[x.Count, 1];
        for (var i = 0; i < x.Count; i++) a[i, 0] = x[i];
        return new(name, a);
    }
}
