using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Checks;

/// <summary>All outcomes of the checks run on a model, and their combined verdict.</summary>
public sealed record CheckReport(IReadOnlyList<CheckOutcome> Outcomes)
{
    /// <summary>Fails if any outcome fails; else HoldsIff with every condition if any is conditional; else Holds.</summary>
    public Verdict Overall
    {
        get
        {
            var failed = Outcomes.FirstOrDefault(o => o.Verdict is Fails);
            if (failed is not null) return new Fails($"{failed.Check}: {failed.Item}");
            var conditions = Outcomes.Select(o => o.Verdict).OfType<HoldsIff>().SelectMany(h => h.Conditions).Distinct().ToList();
            return conditions.Count > 0 ? new HoldsIff(conditions) : Holds.Instance;
        }
    }
}
