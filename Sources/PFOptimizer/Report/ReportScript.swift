/// The report page's drawing script and style sheet: plain JavaScript
/// that draws inline SVG from the data embedded in the page. Nothing is
/// fetched; the page works offline.
enum ReportScript {
    static let style = """
    body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
    header{background:#1d2330;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
    main{padding:8px 24px 40px;max-width:1240px}section{background:#fff;border:1px solid #dde1e7;border-radius:6px;margin:14px 0;padding:12px 16px}
    h2{font-size:16px;margin:2px 0 10px}table{border-collapse:collapse;font-variant-numeric:tabular-nums}
    td,th{padding:3px 8px;border-bottom:1px solid #eceef2;text-align:right;white-space:nowrap}th{cursor:pointer;background:#f0f2f5;position:sticky;top:0}
    td:first-child,th:first-child{text-align:left}.scroll{max-height:420px;overflow:auto}
    .kv td{text-align:left}.kv td:first-child{color:#667}
    .cards{display:flex;gap:14px;flex-wrap:wrap}.card{flex:1 1 340px;border-radius:6px;padding:10px 14px;border:1px solid #dde1e7}
    .good{background:#e8f6ec}.warn{background:#fff6e0}.bad{background:#fde8e8}.big{font-size:26px;font-weight:600}
    .grid2{display:flex;flex-wrap:wrap;gap:16px}svg{background:#fff}svg text{font-size:11px;fill:#445}
    .note{color:#667;font-size:12px}select{margin:0 10px 8px 4px}
    """

    static let code = """
    (function(){
    "use strict";
    var t0=performance.now();
    var D=JSON.parse(document.getElementById("pfopt-data").textContent);
    var R=D.robustness||{}, M=D.manifest||{};
    var NS="http://www.w3.org/2000/svg";
    function el(tag,attrs,parent,text){var e=document.createElement(tag);for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=text;if(parent)parent.appendChild(e);return e;}
    function sv(tag,attrs,parent,text){var e=document.createElementNS(NS,tag);for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=text;if(parent)parent.appendChild(e);return e;}
    function fmt(v){if(v==null||!isFinite(v))return "n/a";var a=Math.abs(v);if(a>=1e4)return v.toFixed(0);if(a>=100)return v.toFixed(1);if(a>=1)return v.toFixed(3);return v.toPrecision(3);}
    function pct(v){return v==null||!isFinite(v)?"n/a":(v*100).toFixed(1)+"%";}
    function section(title){var s=el("section",{},document.getElementById("main"));el("h2",{},s,title);return s;}
    function finite(a){return a.filter(function(v){return v!=null&&isFinite(v);});}
    function range(a){var f=finite(a);if(!f.length)return [0,1];var lo=Math.min.apply(null,f),hi=Math.max.apply(null,f);if(lo===hi){lo-=1;hi+=1;}return [lo,hi];}
    function day(ms){return new Date(ms).toISOString().slice(0,10);}
    // A line chart: series = [{values, color, label, dash}], x = numbers.
    function chart(parent,opts){
      var W=opts.width||560,H=opts.height||220,L=58,B=24,T=18,Rr=10;
      var s=sv("svg",{width:W,height:H,viewBox:"0 0 "+W+" "+H,"class":opts.cls||"chart"},parent);
      var ys=[];opts.series.forEach(function(se){ys=ys.concat(finite(se.values));});
      if(opts.band)ys=ys.concat(finite(opts.band[0]),finite(opts.band[1]));
      var yr=range(ys),xr=range(opts.x);
      function X(v){return L+(v-xr[0])/(xr[1]-xr[0])*(W-L-Rr);}function Y(v){return T+(1-(v-yr[0])/(yr[1]-yr[0]))*(H-T-B);}
      for(var i=0;i<=4;i++){var v=yr[0]+(yr[1]-yr[0])*i/4;sv("line",{x1:L,x2:W-Rr,y1:Y(v),y2:Y(v),stroke:"#eceef2"},s);sv("text",{x:L-4,y:Y(v)+4,"text-anchor":"end"},s,fmt(v));}
      var xl=opts.xlabel||fmt;sv("text",{x:L,y:H-6},s,xl(xr[0]));sv("text",{x:W-Rr,y:H-6,"text-anchor":"end"},s,xl(xr[1]));
      if(opts.band){var p="";for(var j=0;j<opts.x.length;j++)p+=(j?"L":"M")+X(opts.x[j])+","+Y(opts.band[1][j]);for(var k=opts.x.length-1;k>=0;k--)p+="L"+X(opts.x[k])+","+Y(opts.band[0][k]);sv("path",{d:p+"Z",fill:"#9db7e8",opacity:0.45},s);}
      opts.series.forEach(function(se,n){var pts=[];for(var j=0;j<opts.x.length;j++){var v=se.values[j];if(v!=null&&isFinite(v))pts.push(X(opts.x[j]).toFixed(1)+","+Y(v).toFixed(1));}
        sv("polyline",{points:pts.join(" "),fill:"none",stroke:se.color,"stroke-width":1.5,"stroke-dasharray":se.dash||""},s);
        sv("text",{x:L+8+n*150,y:12,fill:se.color},s,se.label);});
      if(opts.mark!=null){sv("line",{x1:X(opts.mark),x2:X(opts.mark),y1:T,y2:H-B,stroke:"#c33","stroke-dasharray":"3 3"},s);}
      return s;}
    function bars(parent,edges,counts,opts){
      var W=opts.width||560,H=opts.height||200,L=40,B=24,T=12;var s=sv("svg",{width:W,height:H,"class":opts.cls||"bars"},parent);
      var max=Math.max.apply(null,counts.concat([1]));var n=counts.length;var bw=(W-L-10)/Math.max(n,1);
      counts.forEach(function(c,i){var h=(H-T-B)*c/max;var left=edges[i],right=edges[i+1];
        var r=sv("rect",{x:L+i*bw+1,y:H-B-h,width:Math.max(bw-2,1),height:h,fill:opts.color?opts.color(left,right):"#5b7fc7"},s);sv("title",{},r,fmt(left)+" .. "+fmt(right)+": "+c);});
      sv("text",{x:L,y:H-6},s,fmt(edges[0]));sv("text",{x:W-10,y:H-6,"text-anchor":"end"},s,fmt(edges[edges.length-1]));sv("text",{x:L-4,y:T+8,"text-anchor":"end"},s,String(max));
      return s;}
    function color(u){u=Math.max(0,Math.min(1,u));var r,g,b;if(u<0.5){r=215;g=Math.round(48+u*2*(200-48));b=39;}else{r=Math.round(215-(u-0.5)*2*(215-26));g=Math.round(200-(u-0.5)*2*(200-152));b=Math.round(39+(u-0.5)*2*(80-39));}return "rgb("+r+","+g+","+b+")";}

    // Settings and data.
    (function(){var s=section("Run");var t=el("table",{"class":"kv"},s);var c=M.counts||{};
      var rows=[["command",M.command],["config",M.config_file],["data",M.data_file],["method",M.method],["objective",(M.direction||"")+" "+(M.rank_by||"")],
        ["runs",(c.run||0)+" run, "+(c.resumed||0)+" resumed, "+(c.failed||0)+" failed, "+(c.passed_filters||0)+" passed the filters"],
        ["wall time",fmt(M.wall_seconds)+" s ("+fmt(M.runs_per_second)+" runs/s, "+M.jobs+" jobs)"],["pfopt",M.pfopt_version]];
      if(M.best){rows.push(["winner","run "+M.best.run+": "+Object.keys(M.best.params||{}).map(function(k){return k+"="+M.best.params[k];}).join(", ")+" (objective "+fmt(M.best.objective)+")"]);}
      (M.notes||[]).forEach(function(n){rows.push(["note",n]);});
      rows.forEach(function(r){if(r[1]==null)return;var tr=el("tr",{},t);el("td",{},tr,r[0]);el("td",{},tr,String(r[1]));});})();

    // Verdicts.
    (function(){if(!R.deflated_sharpe&&!R.pbo)return;var s=section("Can I trust the winner?");var cards=el("div",{"class":"cards"},s);
      var d=R.deflated_sharpe||{},p=R.pbo||{};
      var dp=d.deflated_sharpe_probability;var c1=el("div",{"class":"card "+(dp==null?"warn":dp>=0.95?"good":dp>=0.5?"warn":"bad"),id:"dsr"},cards);
      el("div",{},c1,"Deflated Sharpe ratio");el("div",{"class":"big"},c1,dp==null?"n/a":dp.toFixed(3));el("div",{},c1,d.verdict||"");
      el("div",{"class":"note"},c1,"winner's Sharpe per day "+fmt(d.sharpe_per_period)+" vs "+fmt(d.expected_max_sharpe)+" expected from the best of "+d.trials+" no-edge trials; "+d.observations+" days, skewness "+fmt(d.skewness)+", kurtosis "+fmt(d.kurtosis));
      var pv=p.value;var c2=el("div",{"class":"card "+(pv==null?"warn":pv<0.1?"good":pv<0.5?"warn":"bad"),id:"pbo"},cards);
      el("div",{},c2,"Probability of backtest overfitting");el("div",{"class":"big"},c2,pv==null?"n/a":pct(pv));el("div",{},c2,p.verdict||"");
      if(pv!=null)el("div",{"class":"note"},c2,p.combinations+" train/test splits of "+p.splits+" blocks over "+p.runs+" runs ("+((R.returns||{}).sampling||"")+"); degradation slope "+fmt((p.performance_degradation||{}).slope));
      var g=el("div",{"class":"grid2"},s);
      if(p.logits){var h=el("div",{},g);el("div",{"class":"note"},h,"logit of the in-sample winner's out-of-sample rank (left of 0: below the median)");bars(h,p.logits.histogram.edges,p.logits.histogram.counts,{width:420,color:function(l,r){return r<=0?"#d05a4e":"#4e9a64";}});}
      var pl=R.plateau;if(pl){var t=el("table",{"class":"kv"},g);[["winner's objective",fmt(pl.winner)],["neighbours (one step on every input)",pl.neighbourhood_runs],["their mean",fmt(pl.mean)],["their minimum",fmt(pl.minimum)],["mean / winner",fmt(pl.mean_over_winner)]].forEach(function(r){var tr=el("tr",{},t);el("td",{},tr,r[0]);el("td",{},tr,String(r[1]));});
        var e=R.edges||[];var tr=el("tr",{},t);el("td",{},tr,"on the edge of the range");el("td",{},tr,e.length?e.map(function(x){return x.input+"="+x.value+" ("+x.end+" end: widen it)";}).join(", "):"none");}
    })();

    // Leaderboard.
    (function(){if(!D.leaderboard)return;var s=section("Leaderboard");var lines=D.leaderboard.trim().split("\\n");
      function cells(line){var out=[],cur="",q=false;for(var i=0;i<line.length;i++){var ch=line[i];if(q){if(ch=='"'){if(line[i+1]=='"'){cur+='"';i++;}else q=false;}else cur+=ch;}else if(ch=='"')q=true;else if(ch==","){out.push(cur);cur="";}else cur+=ch;}out.push(cur);return out;}
      var head=cells(lines[0]);var rows=lines.slice(1).map(cells);var wrap=el("div",{"class":"scroll"},s);var t=el("table",{id:"leaderboard"},wrap);
      var thead=el("tr",{},t);var body=el("tbody",{},t);var dir={};
      function fill(){body.textContent="";rows.forEach(function(r){var tr=el("tr",{},body);r.forEach(function(c){el("td",{},tr,c);});});}
      head.forEach(function(h,i){var th=el("th",{},thead,h);th.addEventListener("click",function(){dir[i]=-(dir[i]||-1);rows.sort(function(a,b){var x=parseFloat(a[i]),y=parseFloat(b[i]);var c=(isNaN(x)||isNaN(y))?String(a[i]).localeCompare(String(b[i])):x-y;return c*dir[i];});fill();});});
      fill();el("div",{"class":"note"},s,"click a column to sort; every metric at full precision is in runs.csv");})();

    // Heatmap.
    (function(){var H=R.heatmaps;if(!H||!H.axes||H.axes.length<2)return;var s=section("Objective over two inputs");
      var ax=H.axes;var ctl=el("div",{},s);var sx=el("select",{id:"hx"},null),sy=el("select",{id:"hy"},null),sa=el("select",{id:"hagg"},null);
      ctl.appendChild(document.createTextNode("x"));ctl.appendChild(sx);ctl.appendChild(document.createTextNode("y"));ctl.appendChild(sy);ctl.appendChild(document.createTextNode("cell"));ctl.appendChild(sa);
      ax.forEach(function(a,i){el("option",{value:i},sx,a.name);el("option",{value:i},sy,a.name);});
      el("option",{value:"best"},sa,"best over the other inputs");el("option",{value:"mean"},sa,"mean over the other inputs");
      var m=/x=(\\d+).*y=(\\d+)/.exec(location.hash);sx.value=m?m[1]:"1";sy.value=m?m[2]:"0";
      var box=el("div",{id:"heatmap"},s);el("div",{"class":"note"},s,H.aggregate+"; "+H.runs+" runs; grey: no run; the winner is outlined");
      function draw(){box.textContent="";var x=+sx.value,y=+sy.value;if(x===y){el("div",{},box,"pick two different inputs");return;}
        var lo=Math.min(x,y),hi=Math.max(x,y);var map=null;H.maps.forEach(function(mm){if(mm.x===hi&&mm.y===lo)map=mm;});if(!map)return;
        var vals=map[sa.value];var nx=ax[x].labels.length,ny=ax[y].labels.length,nHi=ax[hi].labels.length;
        function at(i,j){return x===hi?vals[j*nHi+i]:vals[i*nHi+j];}
        var cw=Math.max(6,Math.min(36,Math.floor(900/nx))),ch=Math.max(6,Math.min(28,Math.floor(520/ny)));var L=70,B=46;var W=L+nx*cw+10,Hh=ny*ch+B+10;
        var svg=sv("svg",{width:W,height:Hh,"class":"heat"},box);var r=range(vals);var maxi=(R.objective||{}).direction!=="minimize";
        for(var j=0;j<ny;j++)for(var i=0;i<nx;i++){var v=at(i,j);var u=(v==null)?null:(v-r[0])/(r[1]-r[0]);if(!maxi&&u!=null)u=1-u;
          var c=sv("rect",{"class":"cell",x:L+i*cw,y:10+(ny-1-j)*ch,width:cw-1,height:ch-1,fill:u==null?"#d8dbe0":color(u)},svg);sv("title",{},c,ax[x].name+"="+ax[x].labels[i]+", "+ax[y].name+"="+ax[y].labels[j]+": "+fmt(v));}
        var wx=ax[x].winner_level,wy=ax[y].winner_level;if(wx!=null&&wy!=null)sv("rect",{x:L+wx*cw-1,y:10+(ny-1-wy)*ch-1,width:cw+1,height:ch+1,fill:"none",stroke:"#000","stroke-width":2.5,id:"winner"},svg);
        var step=Math.ceil(nx/12);for(var i2=0;i2<nx;i2+=step)sv("text",{x:L+i2*cw+cw/2,y:10+ny*ch+14,"text-anchor":"middle"},svg,ax[x].labels[i2]);
        var stepy=Math.ceil(ny/14);for(var j2=0;j2<ny;j2+=stepy)sv("text",{x:L-4,y:10+(ny-1-j2)*ch+ch/2+4,"text-anchor":"end"},svg,ax[y].labels[j2]);
        sv("text",{x:L+nx*cw/2,y:Hh-6,"text-anchor":"middle"},svg,ax[x].name);sv("text",{x:12,y:10+ny*ch/2,transform:"rotate(-90 12 "+(10+ny*ch/2)+")","text-anchor":"middle"},svg,ax[y].name);}
      [sx,sy,sa].forEach(function(e){e.addEventListener("change",draw);});draw();})();

    // Sensitivity.
    (function(){var S=R.sensitivity;if(!S||!S.length)return;var s=section("One input at a time");var g=el("div",{"class":"grid2"},s);
      S.forEach(function(c){var d=el("div",{},g);el("div",{"class":"note"},d,c.input+": objective by value (spread of the best "+fmt(c.spread)+")");
        var x=c.labels.map(function(l,i){var v=parseFloat(l);return isNaN(v)?i:v;});var win=null;(R.heatmaps&&R.heatmaps.axes||[]).forEach(function(a){if(a.name===c.input&&a.winner_level!=null)win=x[a.winner_level];});
        chart(d,{width:380,height:180,x:x,series:[{values:c.best,color:"#2b6cb0",label:"best"},{values:c.mean,color:"#9a6b2b",label:"mean"},{values:c.worst,color:"#aaa",label:"worst",dash:"3 3"}],mark:win,cls:"sens"});});})();

    // Equity and drawdown.
    (function(){var C=R.curves;if(!C||!C.time_ms)return;var s=section("The winner's equity against buy and hold");
      var series=[{values:C.equity,color:"#2b6cb0",label:"strategy"}];if(C.buy_hold&&finite(C.buy_hold).length)series.push({values:C.buy_hold,color:"#999",label:"buy and hold"});
      chart(s,{width:1100,height:260,x:C.time_ms,series:series,xlabel:day,cls:"equity"});
      chart(s,{width:1100,height:140,x:C.time_ms,series:[{values:C.drawdown_pct,color:"#c53030",label:"drawdown %"}],xlabel:day,cls:"drawdown"});})();

    // Trades and Monte Carlo.
    (function(){var h=R.trades_histogram,mc=R.monte_carlo;if(!h&&!mc)return;var s=section("Trades and Monte Carlo");var g=el("div",{"class":"grid2"},s);
      if(h&&h.counts&&h.counts.length&&h.edges.length){var d=el("div",{},g);el("div",{"class":"note"},d,"trade P&L histogram");bars(d,h.edges,h.counts,{width:420,color:function(l,r){return r<=0?"#d05a4e":"#4e9a64";},cls:"pnl"});}
      if(mc&&mc.bootstrap){var f=mc.bootstrap.fan;var d2=el("div",{},g);el("div",{"class":"note"},d2,mc.resamples+" bootstrap resamples of "+mc.trades+" trades (seed "+mc.seed+"): 5-95% band and median");
        chart(d2,{width:560,height:220,x:f.trades,band:[f.p5,f.p95],series:[{values:f.p50,color:"#2b6cb0",label:"median equity"}],xlabel:function(v){return v.toFixed(0)+" trades";},cls:"fan"});
        var t=el("table",{},s);var hr=el("tr",{},t);["","final equity 5/50/95%","max drawdown % 5/50/95%","longest drawdown (trades) 5/50/95%"].forEach(function(x){el("th",{},hr,x);});
        ["shuffle","bootstrap"].forEach(function(k){var o=mc[k];var tr=el("tr",{},t);el("td",{},tr,k);[o.final_equity,o.max_drawdown_pct,o.longest_drawdown_trades].forEach(function(p){el("td",{},tr,fmt(p.p5)+" / "+fmt(p.p50)+" / "+fmt(p.p95));});});}
      else if(mc&&mc.error)el("div",{"class":"note"},s,"Monte Carlo: "+mc.error);})();

    // Walk-forward.
    (function(){var W=R.walkforward;if(!W||!W.folds)return;var s=section("Walk-forward");var folds=W.folds;
      var lo=Infinity,hi=-Infinity;folds.forEach(function(f){lo=Math.min(lo,f.in_sample_from_ms);hi=Math.max(hi,f.out_of_sample_to_ms);});
      var Wd=1100,rowH=18,L=60;var svg=sv("svg",{width:Wd,height:folds.length*rowH+30,"class":"folds"},s);function X(t){return L+(t-lo)/(hi-lo)*(Wd-L-10);}
      folds.forEach(function(f,i){var y=6+i*rowH;sv("text",{x:4,y:y+12},svg,"fold "+f.fold);
        sv("rect",{"class":"fold-is",x:X(f.in_sample_from_ms),y:y,width:Math.max(1,X(f.in_sample_to_ms)-X(f.in_sample_from_ms)),height:rowH-4,fill:"#9db7e8"},svg);
        sv("rect",{"class":"fold-oos",x:X(f.out_of_sample_from_ms),y:y,width:Math.max(1,X(f.out_of_sample_to_ms)-X(f.out_of_sample_from_ms)),height:rowH-4,fill:"#4e9a64"},svg);});
      sv("text",{x:L,y:folds.length*rowH+24},svg,day(lo));sv("text",{x:Wd-10,y:folds.length*rowH+24,"text-anchor":"end"},svg,day(hi));
      el("div",{"class":"note"},s,"blue: in-sample window, green: out-of-sample window");
      var t=el("table",{},s);var hr=el("tr",{},t);["fold","in-sample objective","out-of-sample objective","WFE"].forEach(function(x){el("th",{},hr,x);});
      folds.forEach(function(f){var tr=el("tr",{},t);[f.fold,fmt(f.in_sample_objective),fmt(f.out_of_sample_objective),fmt(f.wfe)].forEach(function(x){el("td",{},tr,String(x));});});
      var O=W.stitched_equity;if(O&&O.time_ms&&O.time_ms.length)chart(s,{width:1100,height:240,x:O.time_ms,series:[{values:O.equity,color:"#2b6cb0",label:"stitched out-of-sample equity"}],xlabel:day,cls:"oos"});})();

    document.body.setAttribute("data-script-ms",String(Math.round(performance.now()-t0)));
    document.body.setAttribute("data-render-ms",String(Math.round(performance.now())));
    document.body.setAttribute("data-ready","1");
    })();
    """
}
