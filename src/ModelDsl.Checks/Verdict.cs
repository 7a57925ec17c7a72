using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Checks;

/// <summary>The value a check returns: it holds, it fails with a witness, or it holds exactly when conditions hold.</summary>
public abstract record Verdict
{
    private protected Verdict() { }

    /// <summary>Holds, Fails or HoldsIff.</summary>
    public abstract string Status { get; }
}

/// <summary>The check holds for every value of the symbols.</summary>
public sealed record Holds : Verdict
{
    /// <summary>The single instance.</summary>
    public static Holds Instance { get; } = new();

    /// <inheritdoc />
    public override string Status => "Holds";
}

/// <summary>The check fails; the witness says where (e.g. the non-zero anomaly coefficient).</summary>
public sealed record Fails(string Witness) : Verdict
{
    /// <inheritdoc />
    public override string Status => "Fails";
}

/// <summary>The check holds exactly when every condition expression vanishes (symbolic charges).</summary>
public sealed record HoldsIff(IReadOnlyList<Expr> Conditions) : Verdict
{
    /// <inheritdoc />
    public override string Status => "HoldsIff";

    /// <summary>The conditions as text: <c>x = 0, y = 0</c>.</summary>
    public string ConditionText => string.Join(", ", Conditions.Select(c => $"{c} = 0"));
}
