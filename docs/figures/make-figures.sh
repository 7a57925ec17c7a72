#!/usr/bin/env bash
# Regenerates the seed-000 figures in docs/figures from the shipped model and cards, with the
# real `modeldsl` commands (scan into SQLite, then plot). Run from the repository root:
#   bash docs/figures/make-figures.sh
source "$(dirname "$0")/setup.sh"
spec=models/conformal-bl.mdl
w23=(--grid "re(w23)=-3.1416:3.1416:121" --grid "im(w23)=-3:3:121")

# Fig. 1(a): the thermal Delta M^2(T) of (3.23) against T/<phi> (<phi> = 1 GeV, so T is T/<phi>).
modeldsl scan $spec --card samples/conformal-bl/scenario5.card --set "vphi = 1 GeV" --grid "T=0.05:5:400:log" --out "$work/f1a.db"
modeldsl plot "$work/f1a.db" --x T --z dM2_thermal --logx --logy --xlabel "T/<phi>" --ylabel "Delta M^2(T) (GeV^2)" \
  --title "Fig. 1(a): Delta M^2(T) of (3.23), Delta M_0^2 = 3 GeV^2 (x: T/<phi>)" --out $out/fig1a-thermal-mass.png
# Fig. 1(b): T_osc against <phi> (Scenario 2 masses): the conformal T_osc, the (3.30) and (3.10) lines, T = <phi>.
modeldsl scan $spec --card samples/conformal-bl/scenario5.card --grid "vphi=1e3:1e7:241:log" --out "$work/f1b.db"
modeldsl plot "$work/f1b.db" --x vphi --z T_osc_330,T_osc_310,T_equals_vphi,T_osc --logx --logy --xlabel "<phi> (GeV)" --ylabel "T (GeV)" \
  --title "Fig. 1(b): T_osc against <phi>" --out $out/fig1b-tosc-vs-vphi.png

# Fig. 2 and 3: the Re/Im w23 plane at Scenario 2 masses, DG formula (no <phi>).
modeldsl scan $spec --card samples/conformal-bl/scenario2.card "${w23[@]}" --out "$work/s2.db"
modeldsl plot "$work/s2.db" --x "re(w23)" --y "im(w23)" --z washout_e --logz --contours 1 \
  --title "Fig. 2(a): Gamma_e/H(T_EW), Scenario 2 masses" --out $out/fig2a-washout-w23.png
modeldsl plot "$work/s2.db" --x "re(w23)" --y "im(w23)" --z etaB_ratio --contours 1,-1 --zscale symlog \
  --title "Fig. 2(b): n_b/n_b^obs, Scenario 2 masses (DG, eq. 3.18)" --out $out/fig2b-etaB-w23.png
modeldsl plot "$work/s2.db" --x "re(w23)" --y "im(w23)" --z etaB_ratio --contours 1,-1 --zscale symlog --overlay washout_e=1 \
  --title "Fig. 3: n_b/n_b^obs = +-1 with the washout bound Gamma_e/H = 1" --out $out/fig3-overlay-w23.png

# Fig. 4 and 5: the conformal model at <phi> = 1e5 GeV (Scenario 5 card).
modeldsl scan $spec --card samples/conformal-bl/scenario5.card "${w23[@]}" --out "$work/s5.db"
modeldsl plot "$work/s5.db" --x "re(w23)" --y "im(w23)" --z washout_e --logz --contours 1 \
  --title "Fig. 4(a): Gamma_e/H(T_EW), conformal, <phi> = 1e5 GeV" --out $out/fig4a-washout-conformal.png
modeldsl plot "$work/s5.db" --x "re(w23)" --y "im(w23)" --z etaB_ratio --contours 1,-1 --zscale symlog \
  --title "Fig. 4(b): n_b/n_b^obs, conformal (3.28)-(3.31), <phi> = 1e5 GeV" --out $out/fig4b-etaB-conformal.png
modeldsl plot "$work/s5.db" --x "re(w23)" --y "im(w23)" --z etaB_ratio --contours 1,-1 --zscale symlog --overlay washout_e=1 \
  --title "Fig. 5: conformal n_b/n_b^obs = +-1 with Gamma_e/H = 1" --out $out/fig5-overlay-conformal.png

# Fig. 6: n_b/n_b^obs against <phi> for M1 = 0.7 ... 4.7 GeV, the three masses in Scenario 2's
# ratios (1 : 10/9 : 11/9), which reproduces the washouts in the paper's legend.
files=()
for m1 in 0.7 1.7 2.7 3.7 4.7; do
  m2=$(python3 -c "print(round($m1*4.0/3.6, 6))"); m3=$(python3 -c "print(round($m1*4.4/3.6, 6))")
  modeldsl scan $spec --card samples/conformal-bl/scenario5.card --set "M=($m1, $m2, $m3) GeV" \
    --grid "vphi=1e3:1e7:161:log" --out "$work/f6-$m1.db"
  files+=("$work/f6-$m1.db")
done
modeldsl plot "${files[@]}" --x vphi --z etaB_ratio --logx --contours 1 --xlabel "<phi> (GeV)" --ylabel "n_b/n_b^obs" \
  --title "Fig. 6: n_b/n_b^obs against <phi> (conformal)" --out $out/fig6-etaB-vs-vphi.png
echo "figures written to $out"
