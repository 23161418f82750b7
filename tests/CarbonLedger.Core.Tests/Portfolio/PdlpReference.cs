using CarbonLedger.Portfolio;
using Google.OrTools.ModelBuilder;
using OperationsResearch;
using Google.Protobuf;

namespace CarbonLedger.Core.Tests.Portfolio;

/// <summary>Reference solve of the tracking-error QP with OR-Tools PDLP (SPEC §7 solver notes): the C# API has no
/// quadratic terms, so the model goes in as an MPModelProto with quadratic_objective, written to a temporary file and
/// read by ModelBuilderHelper. PDLP accepts only a diagonal quadratic, so the factor part is diagonalised: with
/// Ω = L Lᵀ and z = Lᵀ Bᵀ (w − w_b), TE² = Σ z² + Σ Δ_i (w_i − w_b,i)², with k extra equality rows.</summary>
internal static class PdlpReference
{
    public static (string Status, double[] Weights) Solve(TrackingErrorProblem problem, double[] lower, double[] upper, double tolerance = 1e-10)
    {
        var risk = problem.Risk;
        var n = problem.Assets;
        var k = risk.Factors;
        var l = risk.FactorCovariance.Cholesky().Factor;
        var lbT = (risk.Exposures * l).Transpose(); // k × n = Lᵀ Bᵀ
        var wb = problem.BenchmarkWeights;
        var model = new MPModelProto { ObjectiveOffset = 0 };
        var quad = new MPQuadraticObjective();
        for (var i = 0; i < n; i++)
        {
            var delta = risk.SpecificVariance[i];
            // Δ (w − w_b)² = Δ w² − 2 Δ w_b w + const
            model.Variable.Add(new MPVariableProto { LowerBound = lower[i], UpperBound = upper[i], ObjectiveCoefficient = -2 * delta * wb[i] });
            quad.Qvar1Index.Add(i);
            quad.Qvar2Index.Add(i);
            quad.Coefficient.Add(delta);
        }
        for (var j = 0; j < k; j++)
        {
            model.Variable.Add(new MPVariableProto { LowerBound = double.NegativeInfinity, UpperBound = double.PositiveInfinity });
            quad.Qvar1Index.Add(n + j);
            quad.Qvar2Index.Add(n + j);
            quad.Coefficient.Add(1);
        }
        model.QuadraticObjective = quad;
        var sum = new MPConstraintProto { LowerBound = 1, UpperBound = 1 };
        var carbon = new MPConstraintProto { LowerBound = 1 - problem.Reduction, UpperBound = 1 - problem.Reduction };
        for (var i = 0; i < n; i++)
        {
            sum.VarIndex.Add(i);
            sum.Coefficient.Add(1);
            carbon.VarIndex.Add(i);
            carbon.Coefficient.Add(problem.CarbonTonnes[i] / problem.CarbonTotal);
        }
        model.Constraint.Add(sum);
        model.Constraint.Add(carbon);
        for (var j = 0; j < k; j++)
        {
            // z_j − Σ_i (LᵀBᵀ)_ji w_i = −(LᵀBᵀ w_b)_j
            var row = new MPConstraintProto();
            var rhs = 0.0;
            for (var i = 0; i < n; i++)
            {
                row.VarIndex.Add(i);
                row.Coefficient.Add(-lbT[j, i]);
                rhs -= lbT[j, i] * wb[i];
            }
            row.VarIndex.Add(n + j);
            row.Coefficient.Add(1);
            row.LowerBound = rhs;
            row.UpperBound = rhs;
            model.Constraint.Add(row);
        }
        var path = Path.Combine(Path.GetTempPath(), "pdlp-" + Guid.NewGuid().ToString("N") + ".pb");
        try
        {
            File.WriteAllBytes(path, model.ToByteArray());
            using var helper = new ModelBuilderHelper();
            if (!helper.ReadModelFromProtoFile(path))
            {
                throw new InvalidOperationException("OR-Tools could not read the model");
            }
            using var solver = new ModelSolverHelper("pdlp");
            var eps = tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            solver.SetSolverSpecificParameters($"termination_criteria {{ eps_optimal_absolute: {eps} eps_optimal_relative: {eps} }}");
            solver.Solve(helper);
            var status = solver.Status().ToString();
            var weights = solver.HasSolution() ? Enumerable.Range(0, n).Select(i => solver.VariableValue(i)).ToArray() : [];
            return (status, weights);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
