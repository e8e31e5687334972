<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
<xsl:template match="/atom:feed">
<html lang="zh-CN">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>订阅最新报告 - 政府信息公开工作年度报告公开平台</title>
<link rel="stylesheet" href="/assets/site.css"/>
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<p class="site-name"><a href="/">政府信息公开工作年度报告公开平台</a></p>
<nav aria-label="网站导航"><ul><li><a href="/">首页</a></li><li><a href="/feed.xml" aria-current="page">订阅</a></li></ul></nav>
</header>
<main id="main" tabindex="-1">
<h1>订阅最新报告</h1>
<p class="notice">这是本站的订阅源（Atom 格式）。把本页地址 <code><xsl:value-of select="atom:link[@rel='self']/@href"/></code> 添加到订阅阅读器，即可收到新提交和更正的报告。</p>
<h2 id="entries">最新提交</h2>
<xsl:choose>
<xsl:when test="atom:entry">
<ol class="feed-entries" aria-labelledby="entries">
<xsl:for-each select="atom:entry">
<li><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
<xsl:text> </xsl:text><time datetime="{atom:updated}"><xsl:value-of select="translate(substring(atom:updated, 1, 16), 'T', ' ')"/> UTC</time>
<p><xsl:value-of select="atom:summary"/></p></li>
</xsl:for-each>
</ol>
</xsl:when>
<xsl:otherwise><p>尚无报告。</p></xsl:otherwise>
</xsl:choose>
</main>
<footer class="site-footer"><p>本站内容均来自各机关提交的政府信息公开工作年度报告；数据可按年度下载。</p></footer>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
